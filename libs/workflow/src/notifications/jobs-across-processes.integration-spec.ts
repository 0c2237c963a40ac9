import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createDataSource, type DatabaseConnection, JobQueue, type JobSettings } from '@pilote/core';
import { createTestDatabase, type TestTemplate } from '@pilote/core/testing';
import type { DataSource } from 'typeorm';
import { startSmtpTestServer } from '../../test/smtp-test-server';
import { createSmtpMailer } from './mailer';
import { NotificationDispatcher } from './notification-dispatcher';
import { createNotifications, Outbox } from './notification-store';
import { until as untilWithin } from '../../test/until';

/**
 * Issue 16, several processes on one PostgreSQL (the embedded database serves one process, so
 * this file runs only when the run's database is PostgreSQL: DATABASE_URL, as in CI).
 */
const template = JSON.parse(process.env.PILOTE_TEST_TEMPLATE ?? '{}') as TestTemplate;
const onPostgres = template.kind === 'postgresql';
const SETTINGS: JobSettings = { worker: true, concurrency: 2, retryLimit: 5, retryDelaySeconds: 1, pollSeconds: 0.5, expireSeconds: 3, maintenanceSeconds: 1 };
const CHILD = path.join(__dirname, '../../test/outbox-worker-child.cjs');

// Two processes start and race here: a minute before giving up.
const until = <T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000) => untilWithin(what, probe, timeoutMs);

(onPostgres ? describe : describe.skip)('jobs across processes on one PostgreSQL', () => {
  let database: DatabaseConnection;
  const sources: DataSource[] = [];
  const queues: JobQueue[] = [];
  const children: ChildProcess[] = [];
  const open = async () => {
    const source = createDataSource({ url: database.url, poolSize: 4 });
    await source.initialize();
    sources.push(source);
    return source;
  };
  const queueOn = (source: DataSource, settings: Partial<JobSettings> = {}) => {
    const queue = new JobQueue(source, { ...SETTINGS, ...settings }, () => undefined);
    queues.push(queue);
    return queue;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  }, 60_000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const queue of queues) await queue.stop().catch(() => undefined);
    for (const source of sources) if (source.isInitialized) await source.destroy();
    await database?.close();
  });

  it('runs a scheduled job once per tick with two workers', async () => {
    const [a, b] = [await open(), await open()];
    await a.query(`CREATE TABLE test_scheduled_run (id serial PRIMARY KEY, worker text NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
    const startedAt = Date.now();
    for (const [source, worker] of [[a, 'A'], [b, 'B']] as const) {
      const queue = queueOn(source);
      queue.define({
        name: 'test.every-minute',
        description: 'Records each run.',
        schedule: '* * * * *',
        run: async () => {
          await source.query(`INSERT INTO test_scheduled_run (worker) VALUES ($1)`, [worker]);
        },
      });
      await queue.start();
    }
    // Both schedulers check every second: the current minute's tick is seen ~10 times by each.
    await until('a first run', async () => ((await a.query(`SELECT count(*)::int AS n FROM test_scheduled_run`)) as { n: number }[])[0].n > 0);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 10_000 - (Date.now() - startedAt))));
    const perMinute = (await a.query(`SELECT date_trunc('minute', at) AS minute, count(*)::int AS n FROM test_scheduled_run GROUP BY 1`)) as { n: number }[];
    expect(perMinute.length).toBeGreaterThan(0);
    expect(perMinute.map((row) => row.n)).toEqual(perMinute.map(() => 1));
  }, 90_000);

  it('delivers, from worker B, the e-mails that worker A was sending when it was killed (kill -9), none twice', async () => {
    const good = await startSmtpTestServer();
    // A's SMTP server takes each message and never answers: A is killed with its sends in flight.
    const stalled = await startSmtpTestServer({ stall: true });
    try {
      const source = await open();
      const users = (await source.query(`INSERT INTO app_user (email, given_name, usual_name) SELECT 'agent' || i || '@test.gouv.fr', 'Agent', 'N' || i FROM generate_series(1, 5) AS i RETURNING id`)) as { id: string }[];
      // This process only enqueues (worker off), in the transaction that writes the notifications.
      const enqueuer = queueOn(source, { worker: false });
      const dispatcher = new NotificationDispatcher(source, createSmtpMailer({ host: '127.0.0.1', port: good.port, secure: false, user: null, password: null, from: 'x@test.gouv.fr' }), { publicUrl: 'https://pilote.test.gouv.fr', defaultLocale: 'fr', instanceName: () => 'Instance' }, enqueuer);
      enqueuer.define(dispatcher.jobKind());
      await enqueuer.start();
      const outbox = new Outbox(dispatcher);
      await source.transaction((db) =>
        createNotifications(db, outbox, { userIds: users.map((u) => u.id), kind: 'campaign.deadline', params: { campaignId: 'c', campaign: 'Campagne', deadline: '2024-12-31', days: 2, missing: 3 }, link: '/campaigns/c' }),
      );
      expect(outbox.ids).toHaveLength(5);

      const childA = spawn(process.execPath, [CHILD], { env: { ...process.env, DATABASE_URL: database.url, SMTP_PORT: String(stalled.port) }, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(childA);
      let childLog = '';
      childA.stdout!.on('data', (chunk: Buffer) => (childLog += chunk.toString()));
      childA.stderr!.on('data', (chunk: Buffer) => (childLog += chunk.toString()));
      const activeIds = await until(
        `worker A to be sending (log: ${childLog})`,
        async () => {
          const rows = (await source.query(`SELECT id FROM pgboss.job WHERE id = ANY($1::uuid[]) AND state = 'active'`, [outbox.ids])) as { id: string }[];
          return rows.length === 2 ? rows.map((row) => row.id) : null;
        },
        90_000,
      );
      childA.kill('SIGKILL');
      await new Promise((resolve) => childA.once('exit', resolve));
      expect(childA.signalCode).toBe('SIGKILL');
      expect(good.received).toHaveLength(0);

      // Worker B: its maintenance finds A's jobs past their expiry and retries them; the others are waiting.
      const workerB = queueOn(await open());
      const dispatcherB = new NotificationDispatcher(sources[sources.length - 1], createSmtpMailer({ host: '127.0.0.1', port: good.port, secure: false, user: null, password: null, from: 'Instance <no-reply@test.gouv.fr>' }), { publicUrl: 'https://pilote.test.gouv.fr', defaultLocale: 'fr', instanceName: () => 'Instance' }, workerB);
      workerB.define(dispatcherB.jobKind());
      await workerB.start();
      await until('every e-mail delivered', async () => {
        const rows = (await source.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE id = ANY($1::uuid[]) AND state = 'completed'`, [outbox.ids])) as { n: number }[];
        return rows[0].n === 5;
      });
      for (const id of outbox.ids) expect(good.received.filter((mail) => mail.raw.includes(`<${id}@pilote.test.gouv.fr>`))).toHaveLength(1);
      expect(good.received).toHaveLength(5);
      // The two that A had in flight were retried (their attempt died with A).
      const retried = (await source.query(`SELECT retry_count FROM pgboss.job WHERE id = ANY($1::uuid[])`, [activeIds])) as { retry_count: number }[];
      expect(retried.every((row) => row.retry_count >= 1)).toBe(true);
      const sent = (await source.query(`SELECT count(*)::int AS n FROM notification WHERE id = ANY($1::uuid[]) AND emailed_at IS NOT NULL`, [outbox.ids])) as { n: number }[];
      expect(sent[0].n).toBe(5);
      dispatcher.close();
      dispatcherB.close();
    } finally {
      await good.close();
      await stalled.close();
    }
  }, 150_000);
});
