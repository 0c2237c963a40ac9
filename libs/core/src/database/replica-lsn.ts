import type { EntityManager } from 'typeorm';

/** A TypeORM manager or anything that runs a parameterised query and returns its rows. */
export type Queryable = Pick<EntityManager, 'query'> | { query(sql: string, params?: unknown[]): Promise<unknown[]> };

/** Where the primary's write-ahead log is now: a write committed before this call is at or before it. */
export async function currentWalLsn(primary: Queryable): Promise<string> {
  const [row] = (await primary.query(`SELECT pg_current_wal_lsn()::text AS lsn`)) as { lsn: string }[];
  return row.lsn;
}

/** Whether a standby has replayed the log up to `lsn` (so it shows every write committed before it). */
export async function hasReplayed(replica: Queryable, lsn: string): Promise<boolean> {
  const [row] = (await replica.query(`SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS replayed`, [lsn])) as { replayed: boolean }[];
  return row.replayed;
}

/** Waits until the standby has replayed `lsn`; resolves with the milliseconds waited, or null after `timeoutMs`. */
export async function waitForReplay(replica: Queryable, lsn: string, timeoutMs = 5_000, stepMs = 5): Promise<number | null> {
  const started = performance.now();
  for (;;) {
    if (await hasReplayed(replica, lsn)) return performance.now() - started;
    if (performance.now() - started > timeoutMs) return null;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}
