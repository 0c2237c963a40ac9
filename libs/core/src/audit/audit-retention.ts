import type { EntityManager } from 'typeorm';
import { audit, SYSTEM_ACTOR } from './record-audit';

const BATCH = 10_000;

/**
 * Deletes the audit lines older than `retentionDays` (ADR 040), by batches of 10,000 so a first
 * purge of millions of lines never holds one huge transaction, then records the purge itself
 * (how many, up to when) as a line of the trail. Returns how many lines went.
 */
export async function purgeAuditLog(manager: EntityManager, retentionDays: number, now = new Date()): Promise<{ deleted: number; before: string }> {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new Error(`retentionDays must be a whole number of days ≥ 1, got ${retentionDays}`);
  const before = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  let deleted = 0;
  for (;;) {
    const rows = (await manager.query(
      `WITH gone AS (DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < $1::timestamptz ORDER BY id LIMIT ${BATCH}) RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [before],
    )) as { n: number }[];
    deleted += rows[0].n;
    if (rows[0].n < BATCH) break;
  }
  if (deleted > 0) await audit(manager, { actor: SYSTEM_ACTOR, action: 'audit.purged', subjectType: 'AuditLog', new: { deleted, before, retentionDays } });
  return { deleted, before };
}
