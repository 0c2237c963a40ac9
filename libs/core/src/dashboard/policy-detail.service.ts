import { isOverdue, nextExpectedUpdate, type Periodicity } from '@pilote/engine';
import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import { explanationIds } from '../computation/explanation-ids';
import { buildPolicyRows, findTerritory } from './home.service';
import type { TerritoryType } from './dashboard.types';
import type { CommentType, IndicatorAtTerritoryType, PolicyAtTerritoryType } from './detail.types';
import { selectIndicatorsOfPolicies } from './indicator-sql';
import type { ReadScope } from '../access/request-scope';

interface StateRow {
  indicator_id: string; territory_code: string; initial_value: number | null; initial_date: string | null; current_value: number | null; current_value_date: string | null;
  current_provenance: string | null; annual_target: number | null; annual_target_date: string | null; global_target: number | null; global_target_date: string | null;
  annual_rate: number | null; global_rate: number | null; annual_reason: string | null; global_reason: string | null; annual_reason_code: string | null; global_reason_code: string | null; annual_reason_params: string | null; global_reason_params: string | null;
}

const dated = (value: number | null, date: string | null, provenance: string | null = null) => (value === null || date === null ? null : { value, date, provenance });

/** The "fiche chantier": one policy at one territory, with every indicator block. */
export async function buildPolicyAt(db: EntityManager, policyId: string, territoryCode: string, asOf: string, childLevel: string | null, scope?: ReadScope): Promise<PolicyAtTerritoryType> {
  const territory = await findTerritory(db, territoryCode);
  const rows = await buildPolicyRows(db, territory, { statuses: ['published', 'draft', 'archived'] }, asOf, scope);
  const row = rows.find((r) => r.policy.id === policyId);
  if (!row) {
    const exists = (await db.query(`SELECT 1 FROM policy WHERE id = $1`, [policyId])) as unknown[];
    throw new GraphQLError(exists.length ? `This policy is not followed at the level of ${territory.name}.` : `Unknown policy "${policyId}".`, {
      extensions: { code: 'NOT_FOUND' },
    });
  }
  const indicators = await selectIndicatorsOfPolicies(db, [policyId]);
  const states = (await db.query(
    `SELECT indicator_id, territory_code, initial_value, to_char(initial_date, 'YYYY-MM-DD') AS initial_date, current_value,
            to_char(current_value_date, 'YYYY-MM-DD') AS current_value_date, current_provenance, annual_target,
            to_char(annual_target_date, 'YYYY-MM-DD') AS annual_target_date, global_target, to_char(global_target_date, 'YYYY-MM-DD') AS global_target_date,
            annual_rate, global_rate, annual_explanation->>'reason' AS annual_reason, global_explanation->>'reason' AS global_reason,
            annual_explanation->>'reasonCode' AS annual_reason_code, global_explanation->>'reasonCode' AS global_reason_code,
            annual_explanation->>'reasonParams' AS annual_reason_params, global_explanation->>'reasonParams' AS global_reason_params
     FROM indicator_state WHERE indicator_id = ANY($1::text[]) AND territory_code = $2`,
    [indicators.map((i) => i.id), territoryCode],
  )) as StateRow[];
  const stateOf = new Map(states.map((s) => [s.indicator_id, s]));
  const children = childLevel
    ? ((await db.query(`SELECT code, name FROM territory WHERE parent_code = $1 AND level = $2 ORDER BY code`, [territoryCode, childLevel])) as { code: string; name: string }[])
    : [];
  const childCodes = children.map((c) => c.code);
  const childStates = childCodes.length
    ? ((await db.query(
        `SELECT indicator_id, territory_code, current_value, to_char(current_value_date, 'YYYY-MM-DD') AS current_value_date FROM indicator_state
         WHERE indicator_id = ANY($1::text[]) AND territory_code = ANY($2::text[])`,
        [indicators.map((i) => i.id), childCodes],
      )) as { indicator_id: string; territory_code: string; current_value: number | null; current_value_date: string | null }[])
    : [];
  const childPolicy = childCodes.length
    ? ((await db.query(`SELECT territory_code, global_rate FROM policy_state WHERE policy_id = $1 AND territory_code = ANY($2::text[])`, [policyId, childCodes])) as {
        territory_code: string; global_rate: number | null;
      }[])
    : [];
  const childWeather = childCodes.length
    ? ((await db.query(
        `SELECT DISTINCT ON (territory_code) territory_code, weather FROM narrative WHERE policy_id = $1 AND territory_code = ANY($2::text[]) AND kind = 'weather' AND state = 'published'
         ORDER BY territory_code, date DESC, id DESC`,
        [policyId, childCodes],
      )) as { territory_code: string; weather: string }[])
    : [];
  const narratives = (await db.query(
    `SELECT id::text AS id, kind, type, weather, body, to_char(date, 'YYYY-MM-DD') AS date, author_name AS author FROM narrative
     WHERE policy_id = $1 AND territory_code = $2 AND state = 'published' ORDER BY date DESC, id DESC`,
    [policyId, territoryCode],
  )) as (CommentType & { weather: string | null })[];

  const blocks: IndicatorAtTerritoryType[] = indicators.map((indicator) => {
    const state = stateOf.get(indicator.id);
    const weight = indicator.levelSettings[territory.level]?.weight ?? null;
    const next = state?.current_value_date
      ? nextExpectedUpdate({ lastDate: state.current_value_date, periodicity: indicator.periodicity as Periodicity, availabilityDelayDays: indicator.availabilityDelayDays })
      : null;
    return {
      indicator,
      weight,
      initial: dated(state?.initial_value ?? null, state?.initial_date ?? null),
      current: dated(state?.current_value ?? null, state?.current_value_date ?? null, state?.current_provenance ?? null),
      annualTarget: dated(state?.annual_target ?? null, state?.annual_target_date ?? null),
      globalTarget: dated(state?.global_target ?? null, state?.global_target_date ?? null),
      annualRate: { value: state?.annual_rate ?? null, date: state?.current_value_date ?? null, reason: state ? state.annual_reason : 'No value in this territory yet.', reasonCode: state ? state.annual_reason_code : 'no-value-yet', reasonParams: state?.annual_reason_params ?? null, explanationId: explanationIds.indicatorRate(indicator.id, territoryCode, 'annual') },
      globalRate: { value: state?.global_rate ?? null, date: state?.current_value_date ?? null, reason: state ? state.global_reason : 'No value in this territory yet.', reasonCode: state ? state.global_reason_code : 'no-value-yet', reasonParams: state?.global_reason_params ?? null, explanationId: explanationIds.indicatorRate(indicator.id, territoryCode, 'global') },
      nextExpectedUpdate: next,
      overdue: next ? isOverdue(next, asOf) : false,
      childValues: children.map((child) => {
        const s = childStates.find((cs) => cs.indicator_id === indicator.id && cs.territory_code === child.code);
        return { code: child.code, name: child.name, value: s?.current_value ?? null, date: s?.current_value_date ?? null };
      }),
    };
  });
  const weatherHistory = narratives.filter((n) => n.kind === 'weather').map((n) => ({ level: n.weather ?? 'NOT_FILLED', synthesis: n.body, date: n.date, author: n.author }));
  return {
    policy: row.policy,
    territory,
    globalRate: row.globalRate,
    annualRate: row.annualRate,
    trend: row.trend,
    alerts: row.alerts,
    peers: row.peers,
    weather: row.weather,
    weatherHistory,
    comments: narratives.filter((n) => n.kind === 'comment'),
    objectives: narratives.filter((n) => n.kind === 'objective'),
    decisions: narratives.filter((n) => n.kind === 'decision'),
    indicators: blocks,
    childRates: children.map((child) => ({ code: child.code, name: child.name, level: childLevel ?? '', value: childPolicy.find((p) => p.territory_code === child.code)?.global_rate ?? null })),
    childWeather: children.map((child) => ({ code: child.code, name: child.name, level: childWeather.find((w) => w.territory_code === child.code)?.weather ?? null })),
  };
}

export type { TerritoryType };
