import { audit, type AuditActor, SYSTEM_ACTOR } from '@pilote/core';
import type { EntityManager } from 'typeorm';
import { auditImportedValues } from './audit-imported-values';
import type { ImportReport } from './import-report.types';

/** The last publish of the same file (same SHA-256), if any. */
export async function findPreviousImport(manager: EntityManager, sha256: string): Promise<ImportReport['previousImport']> {
  const rows = (await manager.query(
    `SELECT id, to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, author_id FROM import_batch
     WHERE file_hash = $1 AND status = 'published' ORDER BY finished_at DESC LIMIT 1`,
    [sha256],
  )) as { id: string; at: string; author_id: string | null }[];
  return rows[0] ? { batchId: rows[0].id, at: rows[0].at, author: rows[0].author_id } : undefined;
}

export async function recordBatch(manager: EntityManager, batch: { id: string; report: ImportReport; authorId: string | null; startedAt: Date }): Promise<void> {
  const { report } = batch;
  await manager.query(
    `INSERT INTO import_batch (id, file_name, file_hash, file_bytes, format, mapping, author_id, status, rows_read, rows_written, rows_unchanged, warnings, started_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      batch.id, report.file.name, report.file.sha256, report.file.bytes, report.file.format ?? 'csv', report.mapping ?? 'pilote', batch.authorId,
      report.status, report.counts.rows, report.counts.written, report.counts.unchanged, report.counts.warnings, batch.startedAt.toISOString(),
    ],
  );
  // The audit trail names the batch, then each value it wrote (old → new, file line).
  const actor: AuditActor = batch.authorId && UUID.test(batch.authorId) ? { kind: 'user', userId: batch.authorId } : SYSTEM_ACTOR;
  await audit(manager, {
    actor, action: 'import.published', subjectType: 'import_batch', subjectId: batch.id,
    new: { file: report.file.name, sha256: report.file.sha256, status: report.status, rows: report.counts.rows, written: report.counts.written, unchanged: report.counts.unchanged },
  });
  if (report.counts.written > 0) await auditImportedValues(manager, { id: batch.id, fileName: report.file.name, actor });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ImportBatchRow {
  id: string;
  fileName: string;
  fileHash: string;
  format: string;
  mapping: string;
  authorId: string | null;
  status: string;
  rowsRead: number;
  rowsWritten: number;
  rowsUnchanged: number;
  warnings: number;
  startedAt: string;
  finishedAt: string;
}

/**
 * The latest batches visible to a caller. `territoryRoots` null: every batch. Otherwise the
 * caller's own batches, and those that wrote at least one measure and none outside these
 * territories (a batch's file name and author are not shown to territories it did not touch).
 */
export async function listImportBatches(manager: EntityManager, visibleTo: { territoryRoots: string[] | null; authorId: string | null }, limit = 50): Promise<ImportBatchRow[]> {
  const scoped = visibleTo.territoryRoots !== null;
  return (await manager.query(
    `SELECT id, file_name AS "fileName", file_hash AS "fileHash", format, mapping, author_id AS "authorId", status,
            rows_read AS "rowsRead", rows_written AS "rowsWritten", rows_unchanged AS "rowsUnchanged", warnings,
            started_at AS "startedAt", finished_at AS "finishedAt"
     FROM import_batch b
     WHERE NOT $2::boolean
        OR ($3::text IS NOT NULL AND b.author_id = $3)
        OR (EXISTS (SELECT 1 FROM measure m WHERE m.batch_id = b.id)
            AND NOT EXISTS (SELECT 1 FROM measure m WHERE m.batch_id = b.id AND NOT EXISTS (
              SELECT 1 FROM territory_ancestor a WHERE a.territory_code = m.territory_code AND a.ancestor_code = ANY($4::text[]))))
     ORDER BY finished_at DESC LIMIT $1`,
    [limit, scoped, visibleTo.authorId, visibleTo.territoryRoots ?? []],
  )) as ImportBatchRow[];
}
