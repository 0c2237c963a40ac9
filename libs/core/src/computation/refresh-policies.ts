import { computePolicyRate, type Computed } from '@pilote/engine';
import type { EntityManager } from 'typeorm';
import { copyRows } from '../sql/copy-rows';
import type { IndicatorMeta, TerritoryNode } from './computation.types';
import { explanationIds } from './explanation-ids';

/** Recomputes policies' annual and global rates at the given territories from indicator states. */
export async function refreshPolicies(
  manager: EntityManager,
  policyIds: string[],
  indicators: IndicatorMeta[],
  territories: TerritoryNode[],
): Promise<void> {
  if (policyIds.length === 0 || territories.length === 0) return;
  const codes = territories.map((t) => t.code);
  const states = (await manager.query(
    `SELECT indicator_id, territory_code, annual_rate, global_rate, previous_global_rate, to_char(current_value_date, 'YYYY-MM-DD') AS date
     FROM indicator_state s JOIN indicator i ON i.id = s.indicator_id
     WHERE i.policy_id = ANY($1::text[]) AND s.territory_code = ANY($2::text[])`,
    [policyIds, codes],
  )) as { indicator_id: string; territory_code: string; annual_rate: number | null; global_rate: number | null; previous_global_rate: number | null; date: string | null }[];
  const stateOf = new Map(states.map((s) => [`${s.indicator_id}|${s.territory_code}`, s]));
  const zoneOf = await readZones(manager, indicators, codes);
  // PILOTE's applicable weight: configured at the territory's level AND in the indicator's zone group
  const applies = (indicator: IndicatorMeta, territory: TerritoryNode) =>
    Boolean(indicator.levels[territory.level]) && (!indicator.applicableIn || indicator.applicableIn.some((code) => zoneOf.get(territory.code)?.has(code)));
  const rows: { policyId: string; territory: string; annual: Computed; global: Computed; previous: number | null; date: string | null }[] = [];
  for (const policyId of policyIds) {
    const policyIndicators = indicators.filter((indicator) => indicator.policyId === policyId);
    for (const territory of territories) {
      const items = (kind: 'annual' | 'global' | 'previous') =>
        policyIndicators.map((indicator) => {
          const settings = indicator.levels[territory.level];
          const state = stateOf.get(`${indicator.id}|${territory.code}`);
          const rate = kind === 'annual' ? state?.annual_rate : kind === 'global' ? state?.global_rate : (state?.previous_global_rate ?? state?.global_rate);
          return {
            indicatorId: indicator.id,
            label: indicator.name,
            weight: settings?.weight ?? 0,
            applicable: applies(indicator, territory),
            rate: rate ?? null,
            rateRef: kind === 'previous' ? undefined : explanationIds.indicatorRate(indicator.id, territory.code, kind),
          };
        });
      if (!policyIndicators.some((indicator) => applies(indicator, territory))) continue;
      const dates = policyIndicators.map((i) => stateOf.get(`${i.id}|${territory.code}`)?.date).filter((d): d is string => Boolean(d)).sort();
      rows.push({
        policyId,
        territory: territory.code,
        annual: computePolicyRate(items('annual')),
        global: computePolicyRate(items('global')),
        previous: computePolicyRate(items('previous')).value,
        date: dates.at(-1) ?? null,
      });
    }
  }
  await manager.query(`DELETE FROM policy_state WHERE policy_id = ANY($1::text[]) AND territory_code = ANY($2::text[])`, [policyIds, codes]);
  await copyRows(
    manager,
    'policy_state',
    [
      { name: 'policy_id', type: 'text', value: (r) => r.policyId },
      { name: 'territory_code', type: 'text', value: (r) => r.territory },
      { name: 'annual_rate', type: 'float8', value: (r) => r.annual.value },
      { name: 'global_rate', type: 'float8', value: (r) => r.global.value },
      { name: 'previous_global_rate', type: 'float8', value: (r) => r.previous },
      { name: 'rate_date', type: 'date', value: (r) => r.date },
      { name: 'annual_explanation', type: 'jsonb', value: (r) => r.annual.explanation },
      { name: 'global_explanation', type: 'jsonb', value: (r) => r.global.explanation },
    ],
    rows,
  );
}

/** Each territory with its ancestors (itself included), in one query, when some indicator has a zone group. */
async function readZones(manager: EntityManager, indicators: IndicatorMeta[], codes: string[]): Promise<Map<string, Set<string>>> {
  const zones = new Map<string, Set<string>>();
  if (!indicators.some((indicator) => indicator.applicableIn)) return zones;
  const rows = (await manager.query(
    `SELECT territory_code, ancestor_code FROM territory_ancestor WHERE territory_code = ANY($1::text[])
     UNION SELECT code, code FROM unnest($1::text[]) AS code`,
    [codes],
  )) as { territory_code: string; ancestor_code: string }[];
  for (const row of rows) {
    let set = zones.get(row.territory_code);
    if (!set) zones.set(row.territory_code, (set = new Set()));
    set.add(row.ancestor_code);
  }
  return zones;
}
