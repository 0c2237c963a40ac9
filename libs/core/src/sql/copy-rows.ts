import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import { type BulkColumn, bulkInsert } from './bulk-insert';

/**
 * Writes rows into a table in the caller's transaction, chunk after chunk, then `close()`.
 * On PostgreSQL it is one `COPY … FROM STDIN` (text format) streamed over the transaction's
 * connection, so the server ingests a chunk while Node prepares the next; on PGlite, whose
 * socket server does not speak the COPY sub-protocol, each chunk is one `bulkInsert`.
 * Nothing else may be queried through the manager until the writer is closed or aborted.
 */
export interface RowWriter<Row> {
  write(rows: readonly Row[]): Promise<void>;
  /** Ends the write; resolves with the number of rows written. */
  close(): Promise<number>;
  /** Abandons the write (rows sent so far are discarded with the COPY). */
  abort(reason: Error): Promise<void>;
}

export async function openRowWriter<Row>(manager: EntityManager, table: string, columns: BulkColumn<Row>[]): Promise<RowWriter<Row>> {
  const client = await copyCapableClient(manager);
  if (!client) return insertWriter(manager, table, columns);
  const stream = client.query(copyFrom(`COPY ${table} (${columns.map((c) => c.name).join(', ')}) FROM STDIN`));
  // Errors are awaited where they matter (close/abort); keep an early one from being unhandled.
  let failure: Error | undefined;
  stream.on('error', (error: Error) => (failure ??= error));
  const encode = copyEncoder(columns);
  let count = 0;
  return {
    async write(rows) {
      if (failure) throw failure;
      if (rows.length === 0) return;
      count += rows.length;
      if (!stream.write(encode(rows))) await waitDrain(stream, () => failure);
    },
    async close() {
      stream.end();
      await finished(stream);
      if (failure) throw failure;
      return count;
    },
    async abort(reason) {
      stream.destroy(reason);
      await finished(stream).catch(() => undefined);
    },
  };
}

/**
 * Writes a whole array: COPY on PostgreSQL from `COPY_THRESHOLD` rows, otherwise (a value entered
 * in a form, PGlite) one `bulkInsert` per chunk, which costs one round trip instead of three.
 */
export async function copyRows<Row>(manager: EntityManager, table: string, columns: BulkColumn<Row>[], rows: readonly Row[]): Promise<number> {
  if (rows.length === 0) return 0;
  if (rows.length < COPY_THRESHOLD) return bulkInsert(manager, table, columns, rows, { chunkSize: COPY_CHUNK });
  const writer = await openRowWriter(manager, table, columns);
  try {
    for (let start = 0; start < rows.length; start += COPY_CHUNK) await writer.write(rows.slice(start, start + COPY_CHUNK));
  } catch (error) {
    await writer.abort(error as Error);
    throw error;
  }
  return writer.close();
}

const COPY_CHUNK = 10_000;
export const COPY_THRESHOLD = 200;

function insertWriter<Row>(manager: EntityManager, table: string, columns: BulkColumn<Row>[]): RowWriter<Row> {
  let count = 0;
  return {
    async write(rows) {
      count += await bulkInsert(manager, table, columns, rows, { chunkSize: COPY_CHUNK });
    },
    async close() {
      return count;
    },
    async abort() {},
  };
}

interface CopyClient {
  query(stream: ReturnType<typeof copyFrom>): ReturnType<typeof copyFrom>;
}

const capability = new WeakMap<object, boolean>();

/** The pg client of the manager's transaction, when its server accepts COPY FROM STDIN (not PGlite). */
async function copyCapableClient(manager: EntityManager): Promise<CopyClient | undefined> {
  const runner = manager.queryRunner as { databaseConnection?: CopyClient; isTransactionActive?: boolean } | undefined;
  const client = runner?.databaseConnection;
  if (!client || typeof client.query !== 'function') return undefined;
  let capable = capability.get(client);
  if (capable === undefined) {
    const [{ version }] = (await manager.query(`SELECT version() AS version`)) as { version: string }[];
    capable = !/pglite/i.test(version);
    capability.set(client, capable);
  }
  return capable ? client : undefined;
}

async function waitDrain(stream: Writable, failed: () => Error | undefined): Promise<void> {
  await Promise.race([once(stream, 'drain'), once(stream, 'close')]);
  const failure = failed();
  if (failure) throw failure;
}

/** COPY text format: tab-separated, `\N` for null, backslash escapes for `\`, tab, LF and CR. */
function copyEncoder<Row>(columns: BulkColumn<Row>[]): (rows: readonly Row[]) => string {
  const last = columns.length - 1;
  return (rows) => {
    let text = '';
    for (const row of rows) {
      for (let i = 0; i <= last; i += 1) {
        const column = columns[i];
        const value = column.value(row);
        text += copyField(value, column.type);
        text += i === last ? '\n' : '\t';
      }
    }
    return text;
  };
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function copyField(value: unknown, type: BulkColumn<unknown>['type']): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  const text = type === 'jsonb' ? JSON.stringify(value) : typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : String(value);
  return NEEDS_ESCAPE.test(text) ? text.replace(/[\\\t\n\r]/g, escapeChar) : text;
}

const escapeChar = (char: string) => (char === '\\' ? '\\\\' : char === '\t' ? '\\t' : char === '\n' ? '\\n' : '\\r');
