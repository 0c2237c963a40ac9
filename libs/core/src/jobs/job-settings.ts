import { UserFacingError } from '../errors/user-facing-error';

/** How this process takes part in the job queue (environment only: it differs per process). */
export interface JobSettings {
  /** Runs handlers and the scheduler in this process (false: only enqueues, e.g. a web-only replica). */
  worker: boolean;
  /** Handlers of one kind running at once in this process (kinds may lower it, e.g. scheduled ones run one at a time). */
  concurrency: number;
  /** Retries after the first attempt before a job is parked (`failed`) with its last error. */
  retryLimit: number;
  /** Delay before the first retry; each next one doubles (exponential backoff). */
  retryDelaySeconds: number;
  /** How often an idle worker looks for new jobs. */
  pollSeconds: number;
  /** A job still active after this long (its process died) goes back to retry. Kinds may set their own. */
  expireSeconds: number | null;
  /** How often expired jobs are looked for and old ones archived (once across processes). */
  maintenanceSeconds: number;
}

export const DEFAULT_JOB_SETTINGS: JobSettings = {
  worker: true,
  concurrency: 2,
  retryLimit: 5,
  retryDelaySeconds: 30,
  pollSeconds: 2,
  expireSeconds: null,
  maintenanceSeconds: 60,
};

const BOOLEAN: Record<string, boolean> = { on: true, true: true, '1': true, yes: true, off: false, false: false, '0': false, no: false };

/** Reads PILOTE_JOBS_*; a bad value is refused with the variable's name and what it accepts. */
export function readJobSettings(env: NodeJS.ProcessEnv = process.env): JobSettings {
  const number = (name: string, fallback: number, min: number, max: number, integer = true): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      throw new UserFacingError(`${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got "${raw}"`, `Unset ${name} to use the default (${fallback}).`, 'CONFIG_INVALID');
    }
    return value;
  };
  const workerRaw = env.PILOTE_JOBS_WORKER?.trim().toLowerCase();
  if (workerRaw && !(workerRaw in BOOLEAN)) {
    throw new UserFacingError(`PILOTE_JOBS_WORKER must be on or off, got "${env.PILOTE_JOBS_WORKER}"`, 'Set PILOTE_JOBS_WORKER=off on replicas that should only serve requests.', 'CONFIG_INVALID');
  }
  const expire = number('PILOTE_JOBS_EXPIRE_SECONDS', 0, 0, 86_400);
  return {
    worker: workerRaw ? BOOLEAN[workerRaw] : DEFAULT_JOB_SETTINGS.worker,
    concurrency: number('PILOTE_JOBS_CONCURRENCY', DEFAULT_JOB_SETTINGS.concurrency, 1, 50),
    retryLimit: number('PILOTE_JOBS_RETRY_LIMIT', DEFAULT_JOB_SETTINGS.retryLimit, 0, 100),
    retryDelaySeconds: number('PILOTE_JOBS_RETRY_DELAY_SECONDS', DEFAULT_JOB_SETTINGS.retryDelaySeconds, 1, 86_400),
    pollSeconds: number('PILOTE_JOBS_POLL_SECONDS', DEFAULT_JOB_SETTINGS.pollSeconds, 0.5, 600, false),
    expireSeconds: expire > 0 ? expire : null,
    maintenanceSeconds: number('PILOTE_JOBS_MAINTENANCE_SECONDS', DEFAULT_JOB_SETTINGS.maintenanceSeconds, 1, 3_600),
  };
}
