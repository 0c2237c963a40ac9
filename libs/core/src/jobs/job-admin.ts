import type { EntityManager } from 'typeorm';
import { INTERNAL_JOB_PREFIX, JOB_SCHEMA } from './job-queue';

/** pg-boss's states; `failed` is a parked job: out of retries, kept with its last error. */
export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobSummary {
  id: string;
  kind: string;
  state: JobState;
  /** Attempts made so far (running or finished). */
  attempts: number;
  /** Attempts allowed in all: the first and its retries. */
  maxAttempts: number;
  lastError: string | null;
  createdAt: Date;
  /** Next attempt not before this (retries wait here). */
  runAfter: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface JobCount {
  kind: string;
  state: JobState;
  count: number;
}

interface Row {
  id: string;
  name: string;
  state: JobState;
  retry_count: number;
  retry_limit: number;
  last_error: string | null;
  created_on: Date;
  start_after: Date;
  started_on: Date | null;
  completed_on: Date | null;
}

export class JobInputError extends Error {}

/** True once pg-boss has created its tables (the queue has started once on this database). */
export async function jobTablesExist(db: EntityManager): Promise<boolean> {
  const rows = (await db.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`${JOB_SCHEMA}.job`])) as { present: boolean }[];
  return rows[0]?.present === true;
}

export function parseJobState(value: string | null | undefined): JobState | null {
  if (value === null || value === undefined || value === '') return null;
  const state = value.trim().toLowerCase();
  const alias = state === 'parked' ? 'failed' : state;
  if (!(JOB_STATES as readonly string[]).includes(alias)) throw new JobInputError(`Unknown job state "${value}": use one of ${JOB_STATES.join(', ')} (or parked = failed).`);
  return alias as JobState;
}

const toSummary = (row: Row): JobSummary => {
  return {
    id: row.id,
    kind: row.name,
    state: row.state,
    // pg-boss adds one to retry_count each time it fetches a job again: once fetched, attempts = retry_count + 1.
    attempts: row.started_on ? row.retry_count + 1 : 0,
    maxAttempts: row.retry_limit + 1,
    lastError: row.last_error,
    createdAt: row.created_on,
    runAfter: row.start_after,
    startedAt: row.started_on,
    finishedAt: row.completed_on,
  };
};

/** Jobs newest first, by state and kind; completed ones are archived by pg-boss after 12 hours. */
export async function listJobs(db: EntityManager, filter: { state?: JobState | null; kind?: string | null; limit?: number } = {}): Promise<JobSummary[]> {
  if (!(await jobTablesExist(db))) return [];
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 50), 1), 500);
  const rows = (await db.query(
    `SELECT id, name, state, retry_count, retry_limit, created_on, start_after, started_on, completed_on,
            CASE WHEN output ? 'message' THEN left(output->>'message', 500) END AS last_error
     FROM ${JOB_SCHEMA}.job
     WHERE name NOT LIKE '${INTERNAL_JOB_PREFIX}%' AND ($1::text IS NULL OR state::text = $1) AND ($2::text IS NULL OR name = $2)
     ORDER BY created_on DESC, id LIMIT ${limit}`,
    [filter.state ?? null, filter.kind ?? null],
  )) as Row[];
  return rows.map(toSummary);
}

export async function countJobs(db: EntityManager): Promise<JobCount[]> {
  if (!(await jobTablesExist(db))) return [];
  const rows = (await db.query(
    `SELECT name AS kind, state::text AS state, count(*)::int AS count FROM ${JOB_SCHEMA}.job
     WHERE name NOT LIKE '${INTERNAL_JOB_PREFIX}%' GROUP BY name, state ORDER BY name, state`,
  )) as JobCount[];
  return rows;
}

/**
 * Gives a parked job one more attempt, now. Refused (with the reason) for an unknown id or a job
 * that is not parked: a queued or running job must not run twice.
 */
export async function retryParkedJob(db: EntityManager, id: string): Promise<JobSummary> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new JobInputError(`"${id}" is not a job id (a uuid, as listed by \`pilote jobs\`).`);
  if (!(await jobTablesExist(db))) throw new JobInputError(`No job ${id}: the job queue has never run on this database.`);
  const rows = (await db.query(
    `UPDATE ${JOB_SCHEMA}.job SET state = 'retry', retry_limit = retry_count + 1, start_after = now(), completed_on = NULL
     WHERE id = $1 AND state = 'failed'
     RETURNING id, name, state, retry_count, retry_limit, created_on, start_after, started_on, completed_on,
               CASE WHEN output ? 'message' THEN left(output->>'message', 500) END AS last_error`,
    [id],
  )) as Row[] | [Row[], number];
  const updated = (Array.isArray(rows[0]) ? rows[0] : rows) as Row[];
  if (updated[0]) return toSummary(updated[0]);
  const [current] = (await db.query(`SELECT state::text AS state FROM ${JOB_SCHEMA}.job WHERE id = $1`, [id])) as { state: string }[];
  if (!current) throw new JobInputError(`No job ${id} (completed jobs are archived after 12 hours, parked ones after 30 days).`);
  throw new JobInputError(`Job ${id} is ${current.state}, not parked (failed): only a parked job can be retried.`);
}

/**
 * Waits until the given jobs are settled for now — completed, parked, or waiting for a retry —
 * or the time is up; returns how many are in each state (a CLI that queued e-mails reports it).
 */
export async function waitForJobs(db: EntityManager, ids: readonly string[], timeoutMs: number): Promise<Partial<Record<JobState, number>>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = ids.length === 0 ? [] : ((await db.query(`SELECT state::text AS state, count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE id = ANY($1::uuid[]) GROUP BY state`, [ids])) as { state: JobState; n: number }[]);
    const counts = Object.fromEntries(rows.map((row) => [row.state, row.n])) as Partial<Record<JobState, number>>;
    const pending = (counts.created ?? 0) + (counts.active ?? 0);
    if (pending === 0 || Date.now() > deadline) return counts;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
