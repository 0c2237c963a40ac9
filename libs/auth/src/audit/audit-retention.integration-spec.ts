import { jobQueueOf } from '@pilote/core';
import { type AuthTestApp, startAuthTestApp } from '../testing/auth-test-app';
import { AUDIT_RETENTION_JOB } from './audit-retention-job';

describe('audit retention (ADR 040)', () => {
  let api: AuthTestApp;

  beforeAll(async () => {
    api = await startAuthTestApp();
  });
  afterAll(() => api?.close());

  const insert = (action: string, daysAgo: number) =>
    api.context.dataSource.query(`INSERT INTO audit_log (actor_kind, action, subject_type, at) VALUES ('system', $1, 'Test', now() - make_interval(days => $2))`, [action, daysAgo]);
  const actions = async () =>
    ((await api.context.dataSource.query(`SELECT action FROM audit_log WHERE subject_type = 'Test' ORDER BY action`)) as { action: string }[]).map((row) => row.action);

  it('is a nightly job that deletes only the lines older than the setting, and leaves a trace of the purge', async () => {
    const kind = jobQueueOf(api.context).definedKinds().find((k) => k.name === AUDIT_RETENTION_JOB);
    expect(kind?.schedule).toBe('17 3 * * *');
    await insert('t.old', 400);
    await insert('t.edge', 366);
    await insert('t.recent', 364);
    await insert('t.today', 0);
    const context = { jobId: 'test', attempt: 1, dataSource: api.context.dataSource };

    // Unset (the default): everything is kept.
    expect(api.context.instance.config.audit.retentionDays).toBeNull();
    await kind!.run({} as never, context);
    expect(await actions()).toEqual(['t.edge', 't.old', 't.recent', 't.today']);

    api.context.instance.config.audit.retentionDays = 365;
    try {
      await kind!.run({} as never, context);
    } finally {
      api.context.instance.config.audit.retentionDays = null;
    }
    expect(await actions()).toEqual(['t.recent', 't.today']);
    const trace = (await api.context.dataSource.query(`SELECT actor_kind, new FROM audit_log WHERE action = 'audit.purged'`)) as { actor_kind: string; new: { deleted: number; retentionDays: number } }[];
    expect(trace).toEqual([{ actor_kind: 'system', new: expect.objectContaining({ deleted: 2, retentionDays: 365 }) }]);
  });
});
