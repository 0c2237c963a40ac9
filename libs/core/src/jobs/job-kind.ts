import type { DataSource } from 'typeorm';

/** What a handler receives besides the job's data. */
export interface JobRunContext {
  jobId: string;
  /** 1 for the first attempt, 2 for the first retry… */
  attempt: number;
  dataSource: DataSource;
}

/**
 * One kind of background job. A handler that throws is retried with exponential backoff, then
 * parked (state `failed`) with its error; it must be idempotent, since a job whose process died
 * mid-run is run again.
 */
export interface JobKind<Data extends object = Record<string, unknown>> {
  /** Stable id, `<module>.<what>` (letters, digits, `.`, `-`, `_`), e.g. `notification.email`. */
  name: string;
  /** One line for administrators (`pilote jobs`, the jobs page). */
  description: string;
  run(data: Data, context: JobRunContext): Promise<void>;
  /** Cron expression (UTC, 5 fields): enqueued once per tick across every process of the instance. */
  schedule?: string;
  /** Handlers of this kind at once per process; default PILOTE_JOBS_CONCURRENCY (scheduled kinds: 1). */
  concurrency?: number;
  /** Defaults: PILOTE_JOBS_RETRY_LIMIT and PILOTE_JOBS_RETRY_DELAY_SECONDS. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A run longer than this is taken as dead and retried (default 15 minutes). */
  expireSeconds?: number;
}

const NAME = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$/;

export function assertJobKind(kind: JobKind<never>): void {
  if (!NAME.test(kind.name)) throw new Error(`Job kind "${kind.name}": the name must look like "<module>.<what>" in lower case (e.g. "connector.sync").`);
  if (typeof kind.run !== 'function') throw new Error(`Job kind "${kind.name}" has no run(data, context) function.`);
  if (kind.schedule !== undefined && kind.schedule.trim().split(/\s+/).length !== 5) {
    throw new Error(`Job kind "${kind.name}": schedule "${kind.schedule}" must be a 5-field cron expression (minute hour day month weekday), e.g. "0 7 * * *".`);
  }
}
