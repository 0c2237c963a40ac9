import type { Pool, PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** What pg-boss runs its SQL through (its `db` option). */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * The kit's own pg pool: pg-boss opens no connection of its own. On the embedded database the
 * pool holds one connection (ADR 002), and a second client on pglite-socket can interleave with it.
 */
export function poolExecutor(dataSource: DataSource): SqlExecutor {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  if (!pool) throw new Error('The data source is not initialized: open the kit context before the job queue.');
  return { executeSql: (text, values) => pool.query(text, values as unknown[]) };
}

/**
 * The connection of the caller's transaction: a job enqueued here exists only if that transaction
 * commits (transactional outbox). Outside a transaction, the pool.
 */
export async function transactionExecutor(db: EntityManager): Promise<SqlExecutor> {
  const runner = db.queryRunner;
  if (!runner || !runner.isTransactionActive) return poolExecutor(db.connection);
  const client = (await runner.connect()) as PoolClient;
  return { executeSql: (text, values) => client.query(text, values as unknown[]) };
}
