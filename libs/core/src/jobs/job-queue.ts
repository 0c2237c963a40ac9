import PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import { assertJobKind, type JobKind } from './job-kind';
import { type JobSettings, readJobSettings } from './job-settings';
import { poolExecutor, transactionExecutor } from './sql-executor';

export interface EnqueueOptions {
  /** The job's id (a uuid): enqueuing the same id twice keeps one job — the message's idempotency key. */
  id?: string;
  /** Run no earlier than this. */
  startAfter?: Date;
}

/** Where pg-boss keeps its tables (its own migrations, run at start under an advisory lock). */
export const JOB_SCHEMA = 'pgboss';
/** How long a parked job stays in the list before pg-boss archives it (then deletes it 7 days later). */
export const PARKED_KEPT_SECONDS = 30 * 24 * 3600;
/** Longer than pg-boss's one-second check that its stopped workers are gone. */
const WORKER_STOP_GRACE_MS = 1_200;
/** Built-in kinds of pg-boss itself (its scheduler), hidden from listings. */
export const INTERNAL_JOB_PREFIX = '__pgboss__';

/**
 * The instance's durable job queue: pg-boss on the instance's own database, through the kit's
 * pool (ADR 031). Every process enqueues; processes with the worker on run handlers and the
 * scheduler. Kinds are defined by the core, the libraries and modules before or after `start()`.
 */
export class JobQueue {
  private readonly kinds = new Map<string, JobKind<never>>();
  private boss: PgBoss | null = null;
  private starting: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    readonly settings: JobSettings = readJobSettings(),
    private readonly log: (line: string) => void = (line) => console.warn(`jobs: ${line}`),
  ) {}

  /** Registers a kind (idempotent per name); once started, its queue, schedule and workers follow at once. */
  define<Data extends object>(kind: JobKind<Data>): void {
    assertJobKind(kind as JobKind<never>);
    const known = this.kinds.get(kind.name);
    if (known && known !== (kind as JobKind<never>)) throw new Error(`Job kind "${kind.name}" is defined twice.`);
    this.kinds.set(kind.name, kind as JobKind<never>);
    if (this.boss && !this.stopped) void this.setUp(kind as JobKind<never>).catch((error: unknown) => this.log(`kind ${kind.name}: ${(error as Error).message}`));
  }

  has(name: string): boolean {
    return this.kinds.has(name);
  }

  definedKinds(): JobKind<never>[] {
    return [...this.kinds.values()];
  }

  get started(): boolean {
    return this.boss !== null && !this.stopped;
  }

  /** Creates or upgrades pg-boss's tables, the kinds' queues and schedules; starts the workers when on. */
  start(): Promise<void> {
    this.starting ??= this.doStart();
    return this.starting;
  }

  /** Enqueues in the caller's transaction: the job exists only if it commits. Returns the job id, or null when that id was already queued. */
  async enqueue(db: EntityManager, name: string, data: object, options: EnqueueOptions = {}): Promise<string | null> {
    if (!this.kinds.has(name)) throw new Error(`No job kind "${name}" is defined: define it before enqueuing.`);
    const boss = this.requireStarted();
    const id = await boss.send(name, data, {
      ...(options.id ? { id: options.id } : {}),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      db: await transactionExecutor(db),
    });
    return id ?? null;
  }

  /** Stops fetching, waits for running handlers (up to `timeoutMs`), leaves the database open. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.starting?.catch(() => undefined);
    if (!this.boss) return;
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
    // pg-boss's offWork() leaves a loop that checks every second until each worker has stopped;
    // let it finish before the caller closes the database (and before a test runner tears down).
    if (this.settings.worker) await new Promise((resolve) => setTimeout(resolve, WORKER_STOP_GRACE_MS));
  }

  private requireStarted(): PgBoss {
    if (!this.boss) throw new Error('The job queue is not started: call start() at boot, before any transaction enqueues a job.');
    return this.boss;
  }

  private async doStart(): Promise<void> {
    const worker = this.settings.worker;
    const options = {
      db: poolExecutor(this.dataSource),
      schema: JOB_SCHEMA,
      migrate: true,
      supervise: worker,
      schedule: worker,
      maintenanceIntervalSeconds: this.settings.maintenanceSeconds,
      // Parked jobs stay listed (and retriable) for 30 days; completed ones are archived after 12 hours.
      archiveFailedAfterSeconds: PARKED_KEPT_SECONDS,
      cronMonitorIntervalSeconds: Math.min(30, this.settings.maintenanceSeconds),
      cronWorkerIntervalSeconds: Math.max(1, Math.min(5, Math.round(this.settings.pollSeconds))),
    } as PgBoss.ConstructorOptions;
    // Replicas starting together on a new database both create pg-boss's schema: the loser of that
    // race gets a deadlock or a duplicate key, and finds it created when it tries again.
    const boss = await retryOnDeadlock(async () => {
      const candidate = new PgBoss(options);
      candidate.on('error', (error: Error) => this.log(`queue: ${error.message}`));
      try {
        await candidate.start();
      } catch (error) {
        await candidate.stop({ graceful: false, close: false, wait: false }).catch(() => undefined);
        throw error;
      }
      return candidate;
    });
    this.boss = boss;
    for (const kind of this.kinds.values()) await this.setUp(kind);
  }

  private async setUp(kind: JobKind<never>): Promise<void> {
    const boss = this.requireStarted();
    const options = {
      name: kind.name,
      retryLimit: kind.retryLimit ?? this.settings.retryLimit,
      retryDelay: kind.retryDelaySeconds ?? this.settings.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: this.settings.expireSeconds ?? kind.expireSeconds ?? 15 * 60,
    };
    // Replicas starting together on a new database create the same queues (tables, partitions):
    // PostgreSQL may pick one of them as a deadlock victim; the other has created it, so try again.
    await retryOnDeadlock(() => boss.createQueue(kind.name, options));
    await retryOnDeadlock(() => boss.updateQueue(kind.name, options));
    if (!this.settings.worker) return;
    if (kind.schedule) await boss.schedule(kind.name, kind.schedule, {}, { tz: 'UTC' });
    else await boss.unschedule(kind.name);
    const concurrency = kind.concurrency ?? (kind.schedule ? 1 : this.settings.concurrency);
    for (let i = 0; i < concurrency; i += 1) {
      let workerId: string | null = null;
      workerId = await boss.work<Record<string, unknown>>(kind.name, { pollingIntervalSeconds: this.settings.pollSeconds, batchSize: 1, includeMetadata: true }, async ([job]) => {
        try {
          await kind.run(job.data as never, { jobId: job.id, attempt: job.retryCount + 1, dataSource: this.dataSource });
        } finally {
          // pg-boss waits a poll interval after every fetch; after a job, look for the next one at once (a burst of e-mails drains at SMTP speed).
          if (workerId) boss.notifyWorker(workerId);
        }
      });
    }
  }
}

async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: string }).code;
      // 40P01 deadlock, 23505 a concurrent creation won the race (pg-boss checks, then creates).
      if (attempt >= attempts || (code !== '40P01' && code !== '23505')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

const queues = new WeakMap<DataSource, JobQueue>();

/** The one queue of a data source (API, CLI, tests): modules define their kinds on it. */
export function jobQueueOf(context: { dataSource: DataSource }, settings?: JobSettings): JobQueue {
  let queue = queues.get(context.dataSource);
  if (!queue) {
    queue = new JobQueue(context.dataSource, settings ?? readJobSettings());
    queues.set(context.dataSource, queue);
  }
  return queue;
}
