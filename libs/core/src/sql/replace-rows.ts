import type { EntityManager } from 'typeorm';
import { type BulkColumn, bulkInsert } from './bulk-insert';
import { COPY_THRESHOLD, copyRows } from './copy-rows';

export interface RowScope {
  /** The rows being replaced: a condition on the table's columns, with `$1…$n` parameters. */
  where: string;
  params: unknown[];
}

/**
 * Makes the rows of `scope` exactly `rows`, in the caller's transaction. A refresh recomputes
 * whole series of which one point changed: small sets are upserted and a row whose values did
 * not change is not rewritten (no dead tuple: the embedded PGlite has no autovacuum, ADR 014);
 * then the scope's rows absent from `rows` are deleted. Not for tables whose every row is
 * rewritten anyway (states stamped `computed_at`): there delete + insert costs less. Large sets (an import's refresh) are
 * deleted and written with COPY, which is faster. Callers hold the rates' lock (ADR 019), so no
 * other writer touches the same rows meanwhile.
 */
export async function replaceRows<Row>(manager: EntityManager, table: string, columns: BulkColumn<Row>[], key: string[], scope: RowScope, rows: readonly Row[]): Promise<void> {
  if (rows.length >= COPY_THRESHOLD) {
    await manager.query(`DELETE FROM ${table} WHERE ${scope.where}`, scope.params);
    await copyRows(manager, table, columns, rows);
    return;
  }
  const values = columns.filter((column) => !key.includes(column.name)).map((column) => column.name);
  const set = values.map((name) => `${name} = excluded.${name}`).join(', ');
  const changed = `(${values.map((name) => `${table}.${name}`).join(', ')}) IS DISTINCT FROM (${values.map((name) => `excluded.${name}`).join(', ')})`;
  if (rows.length > 0) await bulkInsert(manager, table, columns, rows, { onConflict: `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${set} WHERE ${changed}` });
  const keyColumns = key.map((name) => columns.find((column) => column.name === name)!);
  const first = scope.params.length + 1;
  const unnest = keyColumns.map((column, index) => `$${first + index}::${column.type}[]`).join(', ');
  await manager.query(
    `DELETE FROM ${table} WHERE ${scope.where} AND (${key.join(', ')}) NOT IN (SELECT * FROM unnest(${unnest}))`,
    [...scope.params, ...keyColumns.map((column) => rows.map((row) => column.value(row)))],
  );
}
