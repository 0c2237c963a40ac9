import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { EntityManager } from 'typeorm';
import { toCsv } from '../open-data/csv-writer';
import { toParquet } from '../open-data/parquet-writer';
import { PublicReadModel, type PublicScope } from './public-read-model';
import { columnsOf, TABLE_SCHEMAS, type TableName } from './table-schemas';

export const PUBLIC_SNAPSHOT_JOB = 'public.snapshot';

export interface SnapshotFile { file: string; table: TableName; rows: number; bytes: number; sha256: string }

/** The formats every open-data file is published in, the same rows in each. */
export const FILE_FORMATS = ['csv', 'parquet'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** The open-data tables of the public site today: per public indicator its values and rates, per public policy its rates. */
export async function publicTables(model: PublicReadModel): Promise<{ name: string; table: TableName; read: () => Promise<object[]> }[]> {
  const { policies, indicators } = await model.catalogue();
  return [
    ...indicators.flatMap((indicator) => [
      { name: `indicator-${indicator.id}-values`, table: 'values' as const, read: () => model.values(indicator.id) },
      { name: `indicator-${indicator.id}-rates`, table: 'indicator-rates' as const, read: () => model.indicatorRates(indicator.id) },
    ]),
    ...policies.map((policy) => ({ name: `policy-${policy.id}-rates`, table: 'policy-rates' as const, read: () => model.policyRates(policy.id) })),
  ];
}

/** The file names of the public tables, one per table and format (`….csv`, `….parquet`). */
export async function publicFileNames(model: PublicReadModel): Promise<Set<string>> {
  return new Set((await publicTables(model)).flatMap(({ name }) => FILE_FORMATS.map((format) => `${name}.${format}`)));
}

/** One table's rows as a file of that format, columns in the order of its Table Schema. */
export async function encodeTable(format: FileFormat, table: TableName, rows: object[]): Promise<Buffer> {
  const records = rows as Record<string, unknown>[];
  return format === 'parquet' ? toParquet(TABLE_SCHEMAS[table], records) : Buffer.from(toCsv(columnsOf(table), records), 'utf8');
}

/**
 * Writes today's snapshot of every public file (idempotent: a second run the same day replaces
 * that day's files) and drops snapshots older than `kept` days. One transaction, every read
 * through it (the embedded database has one connection): a snapshot is whole or absent.
 */
export async function takePublicSnapshot(db: EntityManager, scope: PublicScope, takenOn: string, kept: number): Promise<SnapshotFile[]> {
  const written: SnapshotFile[] = [];
  await db.transaction(async (tx) => {
    const tables = await publicTables(new PublicReadModel(tx, scope));
    await tx.query(`DELETE FROM public_snapshot WHERE taken_on = $1`, [takenOn]);
    for (const { name, table, read } of tables) {
      const rows = await read(); // read once: the CSV and the Parquet file hold the same rows
      for (const format of FILE_FORMATS) {
        const file = `${name}.${format}`;
        const content = await encodeTable(format, table, rows);
        const sha256 = createHash('sha256').update(content).digest('hex');
        await tx.query(`INSERT INTO public_snapshot (taken_on, file, row_count, byte_count, sha256, content) VALUES ($1, $2, $3, $4, $5, $6)`, [takenOn, file, rows.length, content.length, sha256, gzipSync(content)]);
        written.push({ file, table, rows: rows.length, bytes: content.length, sha256 });
      }
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
