import path from 'node:path';
import { jobQueueOf, loadReferential } from '@pilote/core';
import { type AuthTestApp, startAuthTestApp } from '../testing/auth-test-app';
import { graphql } from '../testing/graphql-client';
import { createTestIdentities, type TestIdentity, type TestIdentityName } from '../testing/identities';
import { closeFinishedPeriods, isoDay, periodEnd, periodStart } from './usage-store';
import { USAGE_RETENTION_JOB } from './usage-retention-job';

const referential = path.join(__dirname, '../../../core/test/fixtures/referential-small');
const USAGE_TABLES = ['usage_page_view', 'usage_period_salt', 'usage_active_marker', 'usage_active_users'];
const FIGURES = `query ($from: String!, $to: String!, $granularity: UsageGranularity!) {
  usageFigures(from: $from, to: $to, granularity: $granularity) {
    from to granularity retentionDays
    points { periodStart activeUsers views byRole { key count } }
    viewsByRole { key count } viewsByLevel { key count } viewsByRoleAndLevel { role level views }
    pages { key count } territories { code name level views } roles { id label { fr en } }
  }
}`;
const RECORD = 'mutation ($view: PageViewInput!) { recordPageView(view: $view) }';

interface Figures {
  usageFigures: {
    granularity: string; retentionDays: number;
    points: { periodStart: string; activeUsers: number; views: number; byRole: { key: string; count: number }[] }[];
    viewsByRole: { key: string; count: number }[]; viewsByLevel: { key: string; count: number }[];
    viewsByRoleAndLevel: { role: string; level: string; views: number }[];
    pages: { key: string; count: number }[]; territories: { code: string; name: string; level: string; views: number }[];
    roles: { id: string; label: { fr: string | null; en: string | null } }[];
  };
}

describe('usage figures without trackers (ADR 045)', () => {
  let api: AuthTestApp;
  let who: Record<TestIdentityName, TestIdentity>;
  const today = isoDay(new Date());

  beforeAll(async () => {
    api = await startAuthTestApp();
    expect((await loadReferential(api.context.dataSource, referential, { levels: ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'] })).ok).toBe(true);
    who = await createTestIdentities(api.context.dataSource.manager);
  });
  afterAll(() => api?.close());

  const view = (name: TestIdentityName, kind: string, territoryCode?: string) => graphql<{ recordPageView: boolean }>(api.url, RECORD, { view: { kind, territoryCode } }, who[name].sessionHeaders);
  const figures = (name: TestIdentityName, from = today, to = today, granularity = 'DAY') => graphql<Figures>(api.url, FIGURES, { from, to, granularity }, who[name].sessionHeaders);
  const rows = async () => {
    const all: Record<string, unknown[]> = {};
    for (const table of USAGE_TABLES) all[table] = (await api.context.dataSource.query(`SELECT * FROM ${table}`)) as unknown[];
    return all;
  };

  it('counts rendered pages by kind, role and territory, and distinct accounts per day, week and month', async () => {
    for (const [name, kind, territory] of [
      ['admin', 'HOME'], ['admin', 'TERRITORY', 'D13'], ['admin', 'TERRITORY', 'D13'], ['reader', 'TERRITORY', 'D13'], ['reader', 'POLICY', 'D29'],
      ['departmentalAgentD13', 'INDICATOR', 'D13'], ['outOfScopeAgentD29', 'HOME'], ['anonymous', 'PUBLIC'], ['anonymous', 'PUBLIC'],
    ] as [TestIdentityName, string, string?][]) {
      const result = await view(name, kind, territory);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ recordPageView: true });
    }
    const day = await figures('admin');
    expect(day.errors).toBeUndefined();
    const f = day.data!.usageFigures;
    expect(f.retentionDays).toBe(400);
    // Two accounts share deconcentrated-service: 4 distinct accounts, anonymous visitors not counted.
    expect(f.points).toEqual([{ periodStart: today, activeUsers: 4, views: 9, byRole: [{ key: 'deconcentrated-service', count: 2 }, { key: 'admin', count: 1 }, { key: 'reader', count: 1 }] }]);
    expect(f.pages).toEqual([{ key: 'territory', count: 3 }, { key: 'home', count: 2 }, { key: 'public', count: 2 }, { key: 'indicator', count: 1 }, { key: 'policy', count: 1 }]);
    expect(f.viewsByRole).toEqual([{ key: 'admin', count: 3 }, { key: 'deconcentrated-service', count: 2 }, { key: 'public', count: 2 }, { key: 'reader', count: 2 }]);
    expect(f.viewsByLevel).toEqual([{ key: 'DEPT', count: 5 }, { key: '', count: 4 }]);
    expect(f.viewsByRoleAndLevel).toContainEqual({ role: 'admin', level: 'DEPT', views: 2 });
    expect(f.territories).toEqual([{ code: 'D13', name: 'Bouches-du-Rhône', level: 'DEPT', views: 4 }, { code: 'D29', name: 'Finistère', level: 'DEPT', views: 1 }]);
    expect(f.roles).toContainEqual({ id: 'admin', label: { fr: 'Administrateur', en: 'Administrator' } });

    for (const granularity of ['WEEK', 'MONTH'] as const) {
      const start = periodStart(granularity, today);
      const result = await figures('admin', start, today, granularity);
      expect(result.data!.usageFigures.points).toEqual([expect.objectContaining({ periodStart: start, activeUsers: 4, views: 9 })]);
    }
  });

  it('stores no account id, e-mail or name in the usage tables, and the hashes are not the plain hash of an id', async () => {
    const dump = JSON.stringify(await rows());
    expect(JSON.parse(dump).usage_active_marker.length).toBeGreaterThan(0);
    for (const identity of Object.values(who)) {
      if (!identity.userId) continue;
      expect(dump).not.toContain(identity.userId);
      expect(dump).not.toContain(identity.email!);
      const { createHash } = await import('node:crypto');
      expect(dump).not.toContain(createHash('sha256').update(identity.userId).digest('hex'));
    }
    expect(dump).not.toMatch(/@test\.gouv\.fr|Test /);
  });

  it('refuses unknown page kinds (nothing counted), and never stores an unknown territory or free text', async () => {
    const before = JSON.stringify(await rows());
    const kind = await view('admin', 'SECRET_PAGE');
    expect(kind.errors?.[0].message).toMatch(/SECRET_PAGE|PageKind/);
    expect(JSON.stringify(await rows())).toBe(before);
    const noTerritoryViews = async () =>
      ((await api.context.dataSource.query(`SELECT coalesce(sum(views), 0)::int AS n FROM usage_page_view WHERE page_kind = 'territory' AND territory_code = ''`)) as { n: number }[])[0].n;
    const counted = await noTerritoryViews();
    expect(await view('admin', 'TERRITORY', 'D999')).toMatchObject({ data: { recordPageView: false } });
    expect(await view('admin', 'TERRITORY', 'Some free text about someone')).toMatchObject({ data: { recordPageView: false } });
    expect(await noTerritoryViews()).toBe(counted + 2);
    expect(JSON.stringify(await rows())).not.toMatch(/D999|free text/);
    // Put back as it was, so the next figures are the first test's.
    await api.context.dataSource.query(`DELETE FROM usage_page_view WHERE page_kind = 'territory' AND territory_code = ''`);
  });

  it('refuses the figures to whoever lacks read Usage, and bad ranges by field', async () => {
    expect((await figures('reader')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await figures('nationalSteering')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await figures('anonymous')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await figures('admin', '2026-12-10', '2026-12-01')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect((await figures('admin', '2026-02-30', '2026-03-01')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect((await figures('admin', '2000-01-01', '2026-03-01')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('closes finished periods: hashes and salts deleted, the counts kept and read the same', async () => {
    const before = (await figures('admin')).data!.usageFigures.points;
    const dayAfter = periodEnd('DAY', today);
    await api.context.dataSource.transaction((manager) => closeFinishedPeriods(manager, dayAfter));
    const left = (await api.context.dataSource.query(`SELECT period FROM usage_active_marker UNION SELECT period FROM usage_period_salt`)) as { period: string }[];
    expect(left.map((r) => r.period)).not.toContain('DAY');
    expect((await figures('admin')).data!.usageFigures.points).toEqual(before);
    // After the month (and so the week) has ended, nothing that could re-identify anyone is left.
    const later = periodEnd('MONTH', periodEnd('WEEK', periodStart('WEEK', today)));
    await api.context.dataSource.transaction((manager) => closeFinishedPeriods(manager, later));
    const all = await rows();
    expect(all.usage_active_marker).toEqual([]);
    expect(all.usage_period_salt).toEqual([]);
    expect((await figures('admin')).data!.usageFigures.points).toEqual(before);
    const month = await figures('admin', periodStart('MONTH', today), today, 'MONTH');
    expect(month.data!.usageFigures.points[0].activeUsers).toBe(4);
  });

  it('is a nightly job that deletes the aggregates older than usage.retentionDays', async () => {
    const kind = jobQueueOf(api.context).definedKinds().find((k) => k.name === USAGE_RETENTION_JOB);
    expect(kind?.schedule).toBe('7 0 * * *');
    const ago = (days: number) => isoDay(new Date(Date.now() - days * 86_400_000));
    for (const days of [500, 401, 399]) {
      await api.context.dataSource.query(`INSERT INTO usage_page_view (day, page_kind, role, views) VALUES ($1, 'home', 'reader', 7)`, [ago(days)]);
      await api.context.dataSource.query(`INSERT INTO usage_active_users (period, period_start, role, users) VALUES ('DAY', $1, '*', 3)`, [ago(days)]);
    }
    await kind!.run({} as never, { jobId: 'test', attempt: 1, dataSource: api.context.dataSource });
    const days = (await api.context.dataSource.query(`SELECT to_char(day, 'YYYY-MM-DD') AS d FROM usage_page_view WHERE views = 7`)) as { d: string }[];
    expect(days.map((r) => r.d)).toEqual([ago(399)]);
    const periods = (await api.context.dataSource.query(`SELECT to_char(period_start, 'YYYY-MM-DD') AS d FROM usage_active_users WHERE users = 3`)) as { d: string }[];
    expect(periods.map((r) => r.d)).toEqual([ago(399)]);
    // Today's figures are untouched.
    expect((await figures('admin')).data!.usageFigures.points[0].views).toBe(9);
  });
});
