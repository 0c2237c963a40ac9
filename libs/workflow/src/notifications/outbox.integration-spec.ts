import { freePort, graphql } from '@pilote/auth/testing';
import { jobQueueOf } from '@pilote/core';
import { startWorkflowApp, type WorkflowTestApp } from '../../test/support';
import { startSmtpTestServer } from '../../test/smtp-test-server';
import { NOTIFICATION_DISPATCHER } from '../workflow.tokens';
import type { NotificationDispatcher } from './notification-dispatcher';
import { createNotifications, Outbox } from './notification-store';
import { until } from '../../test/until';

/**
 * Issue 16: notification e-mails go through the job queue as a transactional outbox, on the
 * run's database (PGlite by default, PostgreSQL with DATABASE_URL), to a real SMTP server.
 */
const PROPOSE = `mutation { proposeValue(input: { indicatorId: "IND-W", territoryCode: "D13", kind: "VA", date: "2024-10-31", value: 41 }) { id state } }`;
const JOB_ENV = { PILOTE_JOBS_POLL_SECONDS: '0.5', PILOTE_JOBS_RETRY_DELAY_SECONDS: '1', PILOTE_JOBS_MAINTENANCE_SECONDS: '1', PILOTE_JOBS_RETRY_LIMIT: '8' };

interface JobRow {
  id: string;
  state: string;
  retry_count: number;
}

describe('e-mails through the job queue (transactional outbox)', () => {
  let app: WorkflowTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>> | null = null;
  let smtpPort: number;
  const saved: Record<string, string | undefined> = {};
  const jobsOf = async (ids: string[]) => (await app.context.dataSource.query(`SELECT id, state::text AS state, retry_count FROM pgboss.job WHERE id = ANY($1::uuid[])`, [ids])) as JobRow[];
  const dispatcher = () => app.app.get<NotificationDispatcher>(NOTIFICATION_DISPATCHER);

  beforeAll(async () => {
    for (const [key, value] of Object.entries(JOB_ENV)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    // SMTP is down at first: nothing listens on this port until the second test starts a server there.
    smtpPort = await freePort();
    app = await startWorkflowApp({ mail: { host: '127.0.0.1', port: smtpPort, secure: false, user: null, password: null, from: 'Instance <no-reply@test.gouv.fr>' } });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('retries with backoff while SMTP is down, then delivers once when it comes back', async () => {
    const proposed = await app.as<{ proposeValue: { state: string } }>('departmentalAgentD13', PROPOSE);
    expect(proposed.errors).toBeUndefined();
    const notifications = (await app.context.dataSource.query(`SELECT id FROM notification WHERE kind = 'item.submitted'`)) as { id: string }[];
    expect(notifications.length).toBeGreaterThan(0);
    const ids = notifications.map((n) => n.id);
    // Each notification has its e-mail job, with the notification's id as the job's id.
    expect((await jobsOf(ids)).map((job) => job.id).sort()).toEqual([...ids].sort());
    // Two failed attempts at least, the job waiting for its next one (not parked, not lost).
    await until('two failed attempts', async () => (await jobsOf(ids)).every((job) => job.retry_count >= 2 && ['retry', 'active'].includes(job.state)));
    const [failed] = (await app.context.dataSource.query(`SELECT email_error, emailed_at FROM notification WHERE id = $1`, [ids[0]])) as { email_error: string | null; emailed_at: Date | null }[];
    expect(failed.email_error).toMatch(/^E[A-Z]+/);
    expect(failed.emailed_at).toBeNull();
    // Exponential backoff: after the n-th retry failed, the next one is set 2^n × the delay (1 s) or more after it started.
    const waits = (await app.context.dataSource.query(`SELECT extract(epoch FROM start_after - started_on)::float AS wait, retry_count FROM pgboss.job WHERE id = ANY($1::uuid[]) AND state = 'retry'`, [ids])) as { wait: number; retry_count: number }[];
    for (const next of waits) expect(next.wait).toBeGreaterThanOrEqual(2 ** next.retry_count - 0.1);

    smtp = await startSmtpTestServer({ port: smtpPort });
    await until('the e-mails', async () => (await jobsOf(ids)).every((job) => job.state === 'completed'), 60_000);
    for (const id of ids) expect(smtp.received.filter((mail) => mail.raw.includes(`<${id}@pilote.test.gouv.fr>`))).toHaveLength(1);
    expect(smtp.received).toHaveLength(ids.length);
    const sent = (await app.context.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE id = ANY($1::uuid[]) AND emailed_at IS NOT NULL AND email_error IS NULL`, [ids])) as { n: number }[];
    expect(sent[0].n).toBe(ids.length);
  }, 120_000);

  it('never sends the e-mail of a rolled-back change, and sends a committed one once', async () => {
    const before = smtp!.received.length;
    const userId = app.ids.reader.userId!;
    const draft = { userIds: [userId], kind: 'campaign.deadline' as const, params: { campaignId: 'c', campaign: 'Rolled back', deadline: '2024-12-31', days: 3, missing: 1 }, link: null };
    const rolledBack = new Outbox(dispatcher());
    await expect(
      app.context.dataSource.transaction(async (db) => {
        await createNotifications(db, rolledBack, draft);
        throw new Error('the change fails after its notification was written');
      }),
    ).rejects.toThrow('the change fails');
    expect(rolledBack.ids).toHaveLength(1);
    const committed = new Outbox(dispatcher());
    await app.context.dataSource.transaction((db) => createNotifications(db, committed, { ...draft, params: { ...draft.params, campaign: 'Committed' } }));
    await until('the committed e-mail', async () => (await jobsOf(committed.ids))[0]?.state === 'completed');
    // The rolled-back notification and its job never existed.
    expect(await jobsOf(rolledBack.ids)).toEqual([]);
    expect((await app.context.dataSource.query(`SELECT id FROM notification WHERE id = $1`, [rolledBack.ids[0]])) as unknown[]).toEqual([]);
    const delivered = smtp!.received.slice(before);
    expect(delivered.map((mail) => mail.subject)).toEqual([expect.stringContaining('Committed')]);
    expect(delivered[0].raw).toContain(`<${committed.ids[0]}@pilote.test.gouv.fr>`);
    // Queuing the same message again keeps one job: the notification's id is its idempotency key.
    await app.context.dataSource.transaction((db) => dispatcher().enqueue(db, committed.ids));
    expect(await jobsOf(committed.ids)).toHaveLength(1);
  }, 60_000);

  it('retries a job that throws, then parks it with its error: never lost, never looping; an admin sees it and retries it', async () => {
    const queue = jobQueueOf(app.context);
    let runs = 0;
    queue.define({
      name: 'test.always-fails',
      description: 'Throws every time.',
      retryLimit: 2,
      retryDelaySeconds: 1,
      run: async (data: { n: number }) => {
        runs += 1;
        throw new Error(`cannot do ${data.n}`);
      },
    });
    const id = await until('the kind to be set up', async () => app.context.dataSource.transaction((db) => queue.enqueue(db, 'test.always-fails', { n: 7 })).catch(() => null));
    await until('the job to be parked', async () => (await jobsOf([id]))[0]?.state === 'failed');
    expect(runs).toBe(3);
    // Parked means no more attempts: still 3 after several polls and maintenance rounds.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(runs).toBe(3);
    expect((await jobsOf([id]))[0].state).toBe('failed');

    const list = `query($state: String) { jobs(state: $state, kind: "test.always-fails") { id kind state attempts maxAttempts lastError } }`;
    const seen = await graphql<{ jobs: { id: string; state: string; attempts: number; maxAttempts: number; lastError: string }[] }>(app.url, list, { state: 'parked' }, app.ids.admin.sessionHeaders);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.jobs).toEqual([{ id, kind: 'test.always-fails', state: 'failed', attempts: 3, maxAttempts: 3, lastError: 'cannot do 7' }]);
    // Not an administrator: refused. Bad input: a clear error, nothing changed.
    const refused = await graphql(app.url, list, { state: 'failed' }, app.ids.departmentalCoordinatorD13.sessionHeaders);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badState = await graphql(app.url, list, { state: 'stuck' }, app.ids.admin.sessionHeaders);
    expect(badState.errors?.[0].message).toMatch(/Unknown job state "stuck": use one of created, retry, active, completed, cancelled, failed/);
    const retryJob = `mutation($id: ID!) { retryJob(id: $id) { id state } }`;
    const refusedRetry = await graphql(app.url, retryJob, { id }, app.ids.reader.sessionHeaders);
    expect(refusedRetry.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const notAnId = await graphql(app.url, retryJob, { id: 'abc' }, app.ids.admin.sessionHeaders);
    expect(notAnId.errors?.[0].message).toMatch(/"abc" is not a job id/);

    // Retried by an admin: one more attempt, parked again with the same error.
    const retried = await graphql<{ retryJob: { state: string } }>(app.url, retryJob, { id }, app.ids.admin.sessionHeaders);
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.retryJob.state).toBe('retry');
    await until('the fourth attempt', async () => runs === 4 && (await jobsOf([id]))[0]?.state === 'failed');
    const again = await graphql(app.url, retryJob, { id: '00000000-0000-4000-8000-000000000000' }, app.ids.admin.sessionHeaders);
    expect(again.errors?.[0].message).toMatch(/No job 00000000-0000-4000-8000-000000000000/);
    const kinds = await graphql<{ jobKinds: { name: string; schedule: string | null }[] }>(app.url, `{ jobKinds { name schedule } }`, {}, app.ids.admin.sessionHeaders);
    expect(kinds.data!.jobKinds).toEqual(
      expect.arrayContaining([
        { name: 'notification.email', schedule: null },
        { name: 'campaign.deadline-reminders', schedule: '0 6 * * *' },
        { name: 'auth.session-purge', schedule: '23 * * * *' },
      ]),
    );
  }, 90_000);
});
