import { jobQueueOf } from '@pilote/core';
import { type AuthTestApp, startAuthTestApp } from '../testing/auth-test-app';
import { graphql, type GraphqlResult } from '../testing/graphql-client';
import { createTestIdentities, type TestIdentity, type TestIdentityName } from '../testing/identities';
import { AUDIT_RETENTION_JOB } from './audit-retention-job';

type Retention = { days: number | null; source: 'CONFIG' | 'SCREEN'; changedBy: string | null; changedAt: string | null; reason: string | null };
const FIELDS = 'days source changedBy changedAt reason';
const READ = `{ auditRetention { ${FIELDS} } }`;
const SET = `mutation($days: Int, $reason: String!) { setAuditRetention(days: $days, reason: $reason) { ${FIELDS} } }`;
const RESET = `mutation($reason: String!) { resetAuditRetention(reason: $reason) { ${FIELDS} } }`;

describe('audit retention set on screen (ADR 040 amended)', () => {
  let api: AuthTestApp;
  let who: Record<TestIdentityName, TestIdentity>;

  beforeAll(async () => {
    api = await startAuthTestApp();
    who = await createTestIdentities(api.context.dataSource.manager);
    // The instance's configured default, as pilote.config.ts would set it.
    api.context.instance.config.audit.retentionDays = 365;
  });
  afterAll(async () => {
    if (api) api.context.instance.config.audit.retentionDays = null;
    await api?.close();
  });

  const ask = <T>(name: TestIdentityName, query: string, variables: Record<string, unknown> = {}) => graphql<T>(api.url, query, variables, who[name].headers) as Promise<GraphqlResult<T>>;
  const read = async (name: TestIdentityName = 'admin') => (await ask<{ auditRetention: Retention }>(name, READ)).data!.auditRetention;
  const overrideRows = async () => ((await api.context.dataSource.query(`SELECT count(*)::int AS n FROM audit_retention_override`)) as { n: number }[])[0].n;
  const changes = async () => (await api.context.dataSource.query(`SELECT actor_id AS "actorId", old, new FROM audit_log WHERE action = 'audit.retention.changed' ORDER BY id`)) as { actorId: string; old: unknown; new: unknown }[];
  const insert = (action: string, daysAgo: number) =>
    api.context.dataSource.query(`INSERT INTO audit_log (actor_kind, action, subject_type, at) VALUES ('system', $1, 'RetentionTest', now() - make_interval(days => $2))`, [action, daysAgo]);
  const left = async () => ((await api.context.dataSource.query(`SELECT action FROM audit_log WHERE subject_type = 'RetentionTest' ORDER BY action`)) as { action: string }[]).map((r) => r.action);
  const runJob = async () => {
    const kind = jobQueueOf(api.context).definedKinds().find((k) => k.name === AUDIT_RETENTION_JOB)!;
    await kind.run({} as never, { jobId: 'test', attempt: 1, dataSource: api.context.dataSource });
  };

  it('shows the configuration default to the readers of the audit page, and not to others', async () => {
    expect(await read('admin')).toEqual({ days: 365, source: 'CONFIG', changedBy: null, changedAt: null, reason: null });
    expect((await read('departmentalCoordinatorD13')).days).toBe(365);
    expect((await ask('reader', READ)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await ask('anonymous', READ)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses non-administrators, out-of-bounds days and a missing reason, and writes nothing', async () => {
    for (const name of ['nationalSteering', 'departmentalCoordinatorD13', 'reader'] as const) {
      expect((await ask(name, SET, { days: 90, reason: 'shorter' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await ask(name, RESET, { reason: 'back' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const tooShort = (await ask('admin', SET, { days: 10, reason: 'too short' })).errors?.[0];
    expect(tooShort?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
    expect(tooShort?.message).toMatch(/days.*30 to 36500.*got 10/);
    expect((await ask('admin', SET, { days: 36_501, reason: 'too long' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
    expect((await ask('admin', SET, { days: 90, reason: '   ' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await overrideRows()).toBe(0);
    expect(await changes()).toEqual([]);
    expect((await read()).source).toBe('CONFIG');
  });

  it('sets 90 days on screen: the nightly job purges what is older and keeps what is newer; the change is audited', async () => {
    await insert('r.old', 120);
    await insert('r.edge', 91);
    await insert('r.recent', 89);
    await insert('r.today', 0);
    await runJob(); // 365 days from the configuration: nothing goes.
    expect(await left()).toEqual(['r.edge', 'r.old', 'r.recent', 'r.today']);

    const set = await ask<{ setAuditRetention: Retention }>('admin', SET, { days: 90, reason: 'Data protection review' });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setAuditRetention).toMatchObject({ days: 90, source: 'SCREEN', changedBy: who.admin.email, reason: 'Data protection review' });
    expect(await read('departmentalCoordinatorD13')).toMatchObject({ days: 90, source: 'SCREEN' });
    const [change] = await changes();
    expect(change).toEqual({ actorId: who.admin.userId, old: { days: 365, source: 'CONFIG' }, new: { days: 90, source: 'SCREEN', reason: 'Data protection review' } });

    await runJob();
    expect(await left()).toEqual(['r.recent', 'r.today']);
    const [purge] = (await api.context.dataSource.query(`SELECT new FROM audit_log WHERE action = 'audit.purged'`)) as { new: { retentionDays: number } }[];
    expect(purge.new.retentionDays).toBe(90);
  });

  it('keeps everything when set to null, and goes back to the configuration when cleared', async () => {
    expect((await ask<{ setAuditRetention: Retention }>('admin', SET, { days: null, reason: 'Legal hold' })).data!.setAuditRetention).toMatchObject({ days: null, source: 'SCREEN' });
    const reset = await ask<{ resetAuditRetention: Retention }>('admin', RESET, { reason: 'Hold lifted' });
    expect(reset.data!.resetAuditRetention).toEqual({ days: 365, source: 'CONFIG', changedBy: null, changedAt: null, reason: null });
    expect(await overrideRows()).toBe(0);
    const all = await changes();
    expect(all.map((c) => [c.old, c.new])).toEqual([
      [{ days: 365, source: 'CONFIG' }, { days: 90, source: 'SCREEN', reason: 'Data protection review' }],
      [{ days: 90, source: 'SCREEN' }, { days: null, source: 'SCREEN', reason: 'Legal hold' }],
      [{ days: null, source: 'SCREEN' }, { days: 365, source: 'CONFIG', reason: 'Hold lifted' }],
    ]);
  });
});
