import type { EntityManager } from 'typeorm';

export type FicheBatchState = 'queued' | 'running' | 'done' | 'failed';

export interface FicheBatchRow {
  id: string;
  ownerId: string;
  policyId: string;
  level: string;
  asOf: string | null;
  territoryCodes: string[];
  state: FicheBatchState;
  done: number;
  pages: number;
  failedCount: number;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const SELECT = `SELECT b.id, b.owner_id AS "ownerId", b.policy_id AS "policyId", b.level, to_char(b.as_of, 'YYYY-MM-DD') AS "asOf",
  b.territory_codes AS "territoryCodes", b.state, b.failed_count AS "failedCount", b.last_error AS "lastError",
  b.created_at AS "createdAt", b.finished_at AS "finishedAt",
  (SELECT count(*)::int FROM fiche_file f WHERE f.batch_id = b.id) AS done,
  (SELECT coalesce(sum(f.pages), 0)::int FROM fiche_file f WHERE f.batch_id = b.id) AS pages
  FROM fiche_batch b`;

export async function insertFicheBatch(db: EntityManager, batch: { id: string; ownerId: string; policyId: string; level: string; asOf: string | null; territoryCodes: string[] }): Promise<void> {
  await db.query(`INSERT INTO fiche_batch (id, owner_id, policy_id, level, as_of, territory_codes) VALUES ($1, $2, $3, $4, $5, $6)`, [batch.id, batch.ownerId, batch.policyId, batch.level, batch.asOf, batch.territoryCodes]);
}

export async function readFicheBatch(db: EntityManager, id: string): Promise<FicheBatchRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const rows = (await db.query(`${SELECT} WHERE b.id = $1`, [id])) as FicheBatchRow[];
  return rows[0] ?? null;
}

export async function listFicheBatches(db: EntityManager, ownerId: string, limit = 20): Promise<FicheBatchRow[]> {
  return (await db.query(`${SELECT} WHERE b.owner_id = $1 ORDER BY b.created_at DESC LIMIT $2`, [ownerId, limit])) as FicheBatchRow[];
}

/** Territories of the batch whose fiche is already stored (a restart skips them). */
export async function storedCodes(db: EntityManager, batchId: string): Promise<Set<string>> {
  const rows = (await db.query(`SELECT territory_code FROM fiche_file WHERE batch_id = $1`, [batchId])) as { territory_code: string }[];
  return new Set(rows.map((row) => row.territory_code));
}

export async function storeFiche(db: EntityManager, batchId: string, code: string, fiche: { pdf: Buffer; pages: number; ms: number }): Promise<void> {
  await db.query(`INSERT INTO fiche_file (batch_id, territory_code, pdf, pages, render_ms) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (batch_id, territory_code) DO NOTHING`, [batchId, code, fiche.pdf, fiche.pages, fiche.ms]);
}

export async function setBatchState(db: EntityManager, id: string, state: FicheBatchState, failure: { count: number; error: string | null } = { count: 0, error: null }): Promise<void> {
  await db.query(`UPDATE fiche_batch SET state = $2, failed_count = $3, last_error = $4, finished_at = CASE WHEN $2 IN ('done', 'failed') THEN now() ELSE NULL END WHERE id = $1`, [id, state, failure.count, failure.error]);
}

export async function readBatchFiles(db: EntityManager, batchId: string): Promise<{ code: string; pdf: Buffer }[]> {
  const rows = (await db.query(`SELECT territory_code AS code, pdf FROM fiche_file WHERE batch_id = $1 ORDER BY territory_code`, [batchId])) as { code: string; pdf: Buffer }[];
  return rows;
}
