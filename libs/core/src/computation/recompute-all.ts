import type { EntityManager } from 'typeorm';
import { readIndicatorMeta } from './indicator-meta-reader';
import { MemoryComputationStore, type MemoryMeasure } from './memory-computation-store';
import { refreshIndicator } from './refresh-indicator';
import { refreshPolicies } from './refresh-policies';
import { refreshPeerStats } from './refresh-peer-stats';
import type { TerritoryNode } from './computation.types';
import { lockPolicyRates } from './rate-locks';

/**
 * Computes every rate of an empty database from measures already in memory (first-start seed):
 * the same rules as an incremental refresh, written in a few large batches.
 */
export async function computeAllFromMemory(
  manager: EntityManager,
  measures: readonly MemoryMeasure[],
  options: { levelOrder: string[]; asOf: string; provenance: string; onProgress?: (done: number, total: number) => void; log?: (line: string) => void },
): Promise<{ derived: number; states: number }> {
  const territories = (await manager.query(
    `SELECT code, level, population, parent_code AS "parentCode" FROM territory WHERE level = ANY($1::text[])`,
    [options.levelOrder],
  )) as (TerritoryNode & { parentCode: string | null })[];
  const memberships = (await manager.query(`SELECT perimeter_code AS "perimeterCode", member_code AS "memberCode" FROM territory_membership`)) as {
    perimeterCode: string;
    memberCode: string;
  }[];
  const store = new MemoryComputationStore(measures, territories, options.provenance, memberships);
  const indicators = await readIndicatorMeta(manager);
  await lockPolicyRates(manager, indicators.map((indicator) => indicator.policyId));
  const parentOf = new Map(territories.map((t) => [t.code, t.parentCode]));
  const perimetersOf = new Map<string, string[]>();
  for (const m of memberships) perimetersOf.set(m.memberCode, [...(perimetersOf.get(m.memberCode) ?? []), m.perimeterCode]);
  const withValues = new Map<string, Set<string>>();
  for (const m of measures) {
    let set = withValues.get(m.indicatorId);
    if (!set) withValues.set(m.indicatorId, (set = new Set()));
    // A territory with values, every territory above it and the perimeters holding any of them
    // get a state (as after a write: readAffectedTerritories).
    for (let code: string | null | undefined = m.territoryCode; code && !set.has(code); code = parentOf.get(code)) {
      set.add(code);
      for (const perimeter of perimetersOf.get(code) ?? []) set.add(perimeter);
    }
  }
  const computedByPolicy = new Map<string, Set<string>>();
  let done = 0;
  for (const indicator of indicators) {
    const codes = withValues.get(indicator.id) ?? new Set<string>();
    const followed = territories.filter((t) => indicator.levels[t.level] && codes.has(t.code));
    done += 1;
    options.onProgress?.(done, indicators.length);
    if (followed.length === 0) continue;
    let computed = computedByPolicy.get(indicator.policyId);
    if (!computed) computedByPolicy.set(indicator.policyId, (computed = new Set()));
    // The result, not `followed`: a level reporting its parents' values adds territories without values.
    const result = await refreshIndicator(store, indicator, followed, options.levelOrder, options.asOf);
    for (const code of result.territories) computed.add(code);
  }
  const written = await store.flush(manager);
  options.log?.(`Saved ${written.states} indicator states and ${written.derived} aggregated values`);
  for (const [policyId, codes] of computedByPolicy) {
    await refreshPolicies(manager, [policyId], indicators.filter((i) => i.policyId === policyId), territories.filter((t) => codes.has(t.code)));
  }
  await refreshPeerStats(manager, [...computedByPolicy.keys()]);
  options.log?.(`Policy rates: ${computedByPolicy.size} policies`);
  return written;
}
