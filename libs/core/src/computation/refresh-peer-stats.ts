import type { EntityManager } from 'typeorm';

/**
 * The statistics of each policy's global rate over the territories of one level (min, median,
 * max, count), as the home shows beside every policy: the live query reads every peer's state,
 * which costs tens of milliseconds per request at national scale, so they are kept in
 * `policy_peer_stats` and refreshed with the policy states they summarise, in the same
 * transaction (docs/adr/014-peer-statistics-at-write-time.md).
 *
 * `territoryCodes` narrows the refresh to the levels of these territories (those whose policy
 * states just changed); without it every level of the policies is refreshed. One statement:
 * levels left without any state lose their row.
 */
export async function refreshPeerStats(manager: EntityManager, policyIds: string[], territoryCodes?: string[]): Promise<void> {
  if (policyIds.length === 0) return;
  await manager.query(
    `WITH levels AS (
       SELECT DISTINCT level FROM territory WHERE $2::text[] IS NULL OR code = ANY($2::text[])
     ),
     fresh AS (
       SELECT ps.policy_id, t.level, min(ps.global_rate) AS global_min,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ps.global_rate) AS global_median,
              max(ps.global_rate) AS global_max, count(ps.global_rate)::int AS global_count
       FROM policy_state ps JOIN territory t ON t.code = ps.territory_code
       WHERE ps.policy_id = ANY($1::text[]) AND t.level IN (SELECT level FROM levels)
       GROUP BY ps.policy_id, t.level
     ),
     upserted AS (
       INSERT INTO policy_peer_stats (policy_id, level, global_min, global_median, global_max, global_count)
       SELECT policy_id, level, global_min, global_median, global_max, global_count FROM fresh
       ON CONFLICT (policy_id, level) DO UPDATE SET global_min = excluded.global_min, global_median = excluded.global_median,
         global_max = excluded.global_max, global_count = excluded.global_count
     )
     DELETE FROM policy_peer_stats s
     WHERE s.policy_id = ANY($1::text[]) AND s.level IN (SELECT level FROM levels)
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.policy_id = s.policy_id AND f.level = s.level)`,
    [policyIds, territoryCodes ?? null],
  );
}
