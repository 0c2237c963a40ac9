import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { EntityManager } from 'typeorm';
import { toCsv } from '../open-data/csv-writer';
import { PublicReadModel, type PublicScope } from './public-read-model';
import { columnsOf, type TableName } from './table-schemas';

export const PUBLIC_SNAPSHOT_JOB = 'public.snapshot';

export interface SnapshotFile { file: string; table: TableName; rows: number; bytes: number; sha256: string }

/** The open-data files of the public site today: per public indicator its values and rates, per public policy its rates. */
export async function publicFiles(model: PublicReadModel): Promise<{ file: string; table: TableName; read: () => Promise<object[]> }[]> {
  const { policies, indicators } = await model.catalogue();
  return [
    ...indicators.flatMap((indicator) => [
      { file: `indicator-${indicator.id}-values.csv`, table: 'values' as const, read: () => model.values(indicator.id) },
      { file: `indicator-${indicator.id}-rates.csv`, table: 'indicator-rates' as const, read: () => model.indicatorRates(indicator.id) },
    ]),
    ...policies.map((policy) => ({ file: `policy-${policy.id}-rates.csv`, table: 'policy-rates' as const, read: () => model.policyRates(policy.id) })),
  ];
}

/**
 * Writes today's snapshot of every public file (idempotent: a second run the same day replaces
 * that day's files) and drops snapshots older than `kept` days. One transaction, every read
 * through it (the embedded database has one connection): a snapshot is whole or absent.
 */
export async function takePublicSnapshot(db: EntityManager, scope: PublicScope, takenOn: string, kept: number): Promise<SnapshotFile[]> {
  const written: SnapshotFile[] = [];
  await db.transaction(async (tx) => {
    const files = await publicFiles(new PublicReadModel(tx, scope));
    await tx.query(`DELETE FROM public_snapshot WHERE taken_on = $1`, [takenOn]);
    for (const { file, table, read } of files) {
      const rows = await read();
      const csv = Buffer.from(toCsv(columnsOf(table), rows as Record<string, unknown>[]), 'utf8');
      const sha256 = createHash('sha256').update(csv).digest('hex');
      await tx.query(`INSERT INTO public_snapshot (taken_on, file, row_count, byte_count, sha256, content) VALUES ($1, $2, $3, $4, $5, $6)`, [takenOn, file, rows.length, csv.length, sha256, gzipSync(csv)]);
      written.push({ file, table, rows: rows.length, bytes: csv.length, sha256 });
    }
    await tx.query(`DELETE FROM public_snapshot WHERE taken_on <= $1::date - $2::int`, [takenOn, kept]);
  });
  return written;
}

export async function listSnapshots(db: EntityManager): Promise<{ takenOn: string; file: string; rows: number; bytes: number; sha256: string }[]> {
  return (await db.query(
    `SELECT to_char(taken_on, 'YYYY-MM-DD') AS "takenOn", file, row_count AS rows, byte_count AS bytes, sha256 FROM public_snapshot ORDER BY taken_on DESC, file`,
  )) as never;
}

export async function readSnapshot(db: EntityManager, takenOn: string, file: string): Promise<Buffer | null> {
  const rows = (await db.query(`SELECT content FROM public_snapshot WHERE taken_on = $1 AND file = $2`, [takenOn, file])) as { content: Buffer }[];
  return rows[0] ? gunzipSync(rows[0].content) : null;
}
