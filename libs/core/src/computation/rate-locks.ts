import type { EntityManager } from 'typeorm';

/**
 * Advisory-lock class of the rates (two-int key form `(class, key)`, a key space apart from the
 * one-bigint locks such as the import's): 'PR' for policy rates.
 */
export const RATE_LOCK_CLASS = 0x5052;

/**
 * Serialises the writers of the same policies' rates until the caller's transaction ends
 * (docs/adr/019-rates-refreshed-under-policy-locks.md). Every refresh reads other territories'
 * committed values (a région sums its départements, peers' statistics span a whole level), so
 * two writers of one policy must not compute at the same time: the second waits here, and under
 * READ COMMITTED its next statement sees what the first committed. Take it BEFORE reading
 * anything the computation uses. One statement for all the keys, in ascending order, so two
 * writers of overlapping policy sets cannot deadlock; re-entrant within a transaction.
 */
export async function lockPolicyRates(manager: EntityManager, policyIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(policyIds)];
  if (ids.length === 0) return;
  await manager.query(
    `SELECT pg_advisory_xact_lock($1::int, key) FROM (SELECT DISTINCT hashtext(id) AS key FROM unnest($2::text[]) AS id ORDER BY key) keys`,
    [RATE_LOCK_CLASS, ids],
  );
}

/** The policies of these indicators (to lock before recomputing them). */
export async function policiesOfIndicators(manager: EntityManager, indicatorIds: string[]): Promise<string[]> {
  if (indicatorIds.length === 0) return [];
  const rows = (await manager.query(`SELECT DISTINCT policy_id FROM indicator WHERE id = ANY($1::text[])`, [indicatorIds])) as { policy_id: string }[];
  return rows.map((row) => row.policy_id);
}
