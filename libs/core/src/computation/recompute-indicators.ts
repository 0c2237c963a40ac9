import type { EntityManager } from 'typeorm';
import { readIndicatorMeta } from './indicator-meta-reader';
import { refreshAfterWrite, type RefreshOptions } from './refresh-rates';
import { refreshPolicies } from './refresh-policies';
import { refreshPeerStats } from './refresh-peer-stats';
import type { TerritoryNode } from './computation.types';
import { lockPolicyRates, policiesOfIndicators } from './rate-locks';

/**
 * After an indicator's parameters change (direction, weights, aggregation, archiving), its
 * rates and its policy's rates are recomputed wherever it has values — as if they were written again.
 */
export async function recomputeIndicators(manager: EntityManager, indicatorIds: string[], options: RefreshOptions): Promise<void> {
  if (indicatorIds.length === 0) return;
  // Before the archived states are dropped (a publish of the same policy waits, or is waited for).
  await lockPolicyRates(manager, await policiesOfIndicators(manager, indicatorIds));
  const written = (await manager.query(
    `SELECT DISTINCT indicator_id AS "indicatorId", territory_code AS "territoryCode" FROM measure WHERE indicator_id = ANY($1::text[]) AND state = 'published'`,
    [indicatorIds],
  )) as { indicatorId: string; territoryCode: string }[];
  // Archived indicators leave the computation: drop their states so no rate keeps using them.
  await manager.query(`DELETE FROM indicator_state WHERE indicator_id IN (SELECT id FROM indicator WHERE id = ANY($1::text[]) AND status = 'archived')`, [indicatorIds]);
  await refreshAfterWrite(manager, written, options);
  const policies = (await manager.query(`SELECT DISTINCT policy_id FROM indicator WHERE id = ANY($1::text[])`, [indicatorIds])) as { policy_id: string }[];
  for (const { policy_id: policyId } of policies) {
    const territories = (await manager.query(
      `SELECT t.code, t.level, t.population FROM policy_state s JOIN territory t ON t.code = s.territory_code WHERE s.policy_id = $1`,
      [policyId],
    )) as TerritoryNode[];
    await refreshPolicies(manager, [policyId], await readIndicatorMeta(manager, { policyIds: [policyId] }), territories);
  }
  await refreshPeerStats(manager, policies.map((p) => p.policy_id));
}
