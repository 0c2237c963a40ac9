import type { DataSource, EntityManager } from 'typeorm';
import { lsnAtOrPast } from './lsn';

export type ReadSource = 'replica' | 'primary';

/** What the API last saw of its replica (GET /health shows it). */
export interface ReplicaStatus {
  reachable: boolean;
  /** False when DATABASE_REPLICA_URL points at a server that is not a standby. */
  standby: boolean;
  /** Seconds behind the primary (0 when it has replayed all it received); null when unknown. */
  lagSeconds: number | null;
  replayLsn: string | null;
  /** Why it is skipped, when it is. */
  skippedBecause: string | null;
}

export interface ReadReplicaOptions {
  maxLagSeconds: number;
  /** How long one look at the replica is trusted (one small query per process per period). */
  freshForMs?: number;
  /** After a failure, how long reads stay on the primary before the replica is tried again. */
  retryAfterMs?: number;
}

/** Errors that mean "this server cannot serve now", not "this query is wrong": the read is retried on the primary. */
function isUnavailable(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '');
  const message = String((error as Error)?.message ?? '');
  return /^(08|57|53)/.test(code) || code === '40001' || code === 'ECONNREFUSED' || code === 'ECONNRESET' || /Connection terminated|timeout exceeded when trying to connect|conflict with recovery/i.test(message);
}

/**
 * Dashboard reads on a streaming replica (ADR 034). A read goes to the replica when it answers,
 * lags less than `maxLagSeconds`, and has replayed the position the reader asks for (the LSN of
 * their last write: read-your-writes); otherwise to the primary. A read that fails on the replica
 * because it went away is run again on the primary.
 */
export class ReadReplica {
  private status: ReplicaStatus | null = null;
  private statusAt = 0;
  private looking: Promise<ReplicaStatus> | null = null;

  constructor(
    private readonly replica: DataSource,
    private readonly options: ReadReplicaOptions,
  ) {}

  /** Runs `read` on the replica when it may serve this reader, else on the primary. */
  async run<T>(primary: EntityManager, minLsn: string | null, read: (db: EntityManager) => Promise<T>): Promise<{ value: T; source: ReadSource }> {
    if (!(await this.mayServe(minLsn))) return { value: await read(primary), source: 'primary' };
    try {
      return { value: await read(this.replica.manager), source: 'replica' };
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      this.markDown((error as Error).message);
      return { value: await read(primary), source: 'primary' };
    }
  }

  /** Whether the replica may answer a reader who needs every write up to `minLsn` (null: no need). */
  async mayServe(minLsn: string | null): Promise<boolean> {
    const status = await this.look();
    if (status.skippedBecause) return false;
    if (!minLsn) return true;
    if (lsnAtOrPast(status.replayLsn, minLsn)) return true;
    // The cached position may be a few milliseconds old: look again once before sending the reader to the primary.
    const fresh = await this.look(true);
    return !fresh.skippedBecause && lsnAtOrPast(fresh.replayLsn, minLsn);
  }

  /** The replica's state, looked at no more often than `freshForMs` (or now with `force`). */
  async look(force = false): Promise<ReplicaStatus> {
    const age = Date.now() - this.statusAt;
    const trusted = this.status?.reachable ? (this.options.freshForMs ?? 100) : (this.options.retryAfterMs ?? 2_000);
    if (this.status && !force && age < trusted) return this.status;
    this.looking ??= this.query().finally(() => (this.looking = null));
    return this.looking;
  }

  async close(): Promise<void> {
    if (this.replica.isInitialized) await this.replica.destroy();
  }

  private async query(): Promise<ReplicaStatus> {
    try {
      if (!this.replica.isInitialized) await this.replica.initialize();
      const [row] = (await this.replica.query(`SELECT pg_is_in_recovery() AS standby,
          pg_last_wal_replay_lsn()::text AS replay_lsn,
          CASE WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
               ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS lag`)) as { standby: boolean; replay_lsn: string | null; lag: number | null }[];
      const lag = row.lag === null ? null : Number(row.lag);
      const tooFar = lag !== null && lag > this.options.maxLagSeconds;
      return this.keep({
        reachable: true,
        standby: row.standby,
        lagSeconds: lag,
        replayLsn: row.replay_lsn,
        skippedBecause: tooFar ? `it is ${lag.toFixed(1)} s behind the primary (more than PILOTE_REPLICA_MAX_LAG_SECONDS=${this.options.maxLagSeconds})` : null,
      });
    } catch (error) {
      return this.markDown((error as Error).message);
    }
  }

  private markDown(reason: string): ReplicaStatus {
    return this.keep({ reachable: false, standby: false, lagSeconds: null, replayLsn: null, skippedBecause: `it does not answer: ${reason}` });
  }

  private keep(status: ReplicaStatus): ReplicaStatus {
    this.status = status;
    this.statusAt = Date.now();
    return status;
  }
}
