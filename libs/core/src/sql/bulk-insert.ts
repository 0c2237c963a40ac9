import type { EntityManager } from 'typeorm';

export type SqlType = 'text' | 'int' | 'float8' | 'date' | 'smallint' | 'bigint' | 'jsonb' | 'timestamptz';

export interface BulkColumn<Row> {
  name: string;
  type: SqlType;
  value: (row: Row) => unknown;
}

/**
 * Inserts many rows with one `INSERT … SELECT FROM unnest(…)` per chunk: one round trip per
 * chunk instead of one per row, and the same SQL on PostgreSQL 15 and PGlite (no COPY needed).
 */
export async function bulkInsert<Row>(
  manager: EntityManager,
  table: string,
  columns: BulkColumn<Row>[],
  rows: readonly Row[],
  options: { chunkSize?: number; onConflict?: string; onProgress?: (done: number) => void } = {},
): Promise<number> {
  const chunkSize = options.chunkSize ?? 10_000;
  const names = columns.map((column) => column.name).join(', ');
  const unnest = columns.map((column, index) => `$${index + 1}::${column.type === 'jsonb' ? 'text' : column.type}[]`).join(', ');
  const select = columns.map((column, index) => (column.type === 'jsonb' ? `c${index}::jsonb` : `c${index}`)).join(', ');
  const aliases = columns.map((_, index) => `c${index}`).join(', ');
  const sql = `INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${unnest}) AS t(${aliases}) ${options.onConflict ?? ''}`;
  let done = 0;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const params = columns.map((column) =>
      chunk.map((row) => {
        const value = column.value(row);
        return column.type === 'jsonb' && value !== null && value !== undefined ? JSON.stringify(value) : value;
      }),
    );
    await manager.query(sql, params);
    done += chunk.length;
    options.onProgress?.(done);
  }
  return done;
}
