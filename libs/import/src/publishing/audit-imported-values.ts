import type { AuditActor } from '@pilote/core';
import type { EntityManager } from 'typeorm';

/**
 * One audit line per value an import wrote (ADR 040), besides the batch's own line: who, when,
 * which series point (`indicator|territory|kind|date`, as the workflow's `measure.published`),
 * the value it replaced (the latest published one at that point, if any) and the new one, with
 * the file and its line. Written set-based in the import's transaction, while the staging table
 * (which knows the lines) still exists: the values and their trace commit together.
 */
export async function auditImportedValues(manager: EntityManager, batch: { id: string; fileName: string; actor: AuditActor }): Promise<number> {
  const actorId = batch.actor.kind === 'user' || batch.actor.kind === 'token' ? batch.actor.userId : null;
  const rows = (await manager.query(
    `WITH inserted AS (
       INSERT INTO audit_log (actor_id, actor_kind, action, subject_type, subject_id, old, new, territory_code)
       SELECT $2::uuid, $3, 'measure.imported', 'Measure',
              m.indicator_id || '|' || m.territory_code || '|' || m.kind || '|' || to_char(m.date, 'YYYY-MM-DD'),
              CASE WHEN prev.value IS NULL THEN NULL ELSE jsonb_build_object('value', prev.value) END,
              jsonb_build_object('value', m.value, 'batchId', $1::text, 'file', $4::text, 'line', s.line),
              m.territory_code
       FROM measure m
       LEFT JOIN import_staging s
         ON s.indicator_id = m.indicator_id AND s.territory_code = m.territory_code AND s.kind = m.kind AND s.date = m.date
       LEFT JOIN LATERAL (
         SELECT p.value FROM measure p
         WHERE p.indicator_id = m.indicator_id AND p.territory_code = m.territory_code AND p.kind = m.kind AND p.date = m.date
           AND p.state = 'published' AND p.id < m.id
         ORDER BY p.id DESC LIMIT 1) prev ON TRUE
       WHERE m.batch_id = $1
       ORDER BY m.id
       RETURNING 1)
     SELECT count(*)::int AS n FROM inserted`,
    [batch.id, actorId, batch.actor.kind, batch.fileName],
  )) as { n: number }[];
  return rows[0].n;
}
