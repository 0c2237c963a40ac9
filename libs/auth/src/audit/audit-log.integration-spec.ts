import { audit, SYSTEM_ACTOR } from './audit';
import { type AuthTestApp, startAuthTestApp } from '../testing/auth-test-app';
import { graphql, type GraphqlResult } from '../testing/graphql-client';
import { createTestIdentities, type TestIdentity, type TestIdentityName } from '../testing/identities';

type Page = { auditLog: { totalCount: number; edges: { node: { id: string; action: string; territoryCode: string | null; new: string | null } }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } };
const LIST = `query($filter: AuditLogFilter, $first: Int, $after: String) { auditLog(filter: $filter, first: $first, after: $after) { totalCount edges { node { id action territoryCode new } } pageInfo { endCursor hasNextPage } } }`;

describe('audit trail: browse and export within the scope', () => {
  let api: AuthTestApp;
  let who: Record<TestIdentityName, TestIdentity>;

  beforeAll(async () => {
    api = await startAuthTestApp();
    who = await createTestIdentities(api.context.dataSource.manager);
    const db = api.context.dataSource.manager;
    await audit(db, { actor: SYSTEM_ACTOR, action: 'measure.published', subjectType: 'Measure', subjectId: 'm-13', new: { value: 1 }, territoryCode: 'C13055' });
    await audit(db, { actor: SYSTEM_ACTOR, action: 'measure.published', subjectType: 'Measure', subjectId: 'm-29', new: { value: 2 }, territoryCode: 'D29' });
    await audit(db, { actor: SYSTEM_ACTOR, action: 'measure.published', subjectType: 'Measure', subjectId: '=cmd|/c calc', new: { value: 3 }, territoryCode: 'D69' });
    await audit(db, { actor: SYSTEM_ACTOR, action: 'measure.published', subjectType: 'Measure', subjectId: 'm-69', new: { comment: '=HYPERLINK("http://evil.example")' }, territoryCode: 'D69' });
  });
  afterAll(() => api?.close());

  const as = (name: TestIdentityName, variables: Record<string, unknown> = {}) => graphql<Page>(api.url, LIST, variables, who[name].headers) as Promise<GraphqlResult<Page>>;
  const csv = (name: TestIdentityName, query = '') => fetch(`${api.url}/api/v1/audit.csv${query}`, { headers: who[name].headers });

  it('shows everything to the admin, and only their territories to a scope manager (lists, counts, pages)', async () => {
    const all = (await as('admin', { first: 500 })).data!.auditLog;
    expect(all.totalCount).toBe(all.edges.length);
    expect(all.edges.map((e) => e.node.territoryCode)).toEqual(expect.arrayContaining(['C13055', 'D29', 'D69', null]));
    const d13 = (await as('departmentalCoordinatorD13', { first: 500 })).data!.auditLog;
    expect(d13.edges.map((e) => e.node.territoryCode)).toEqual(['C13055']);
    expect(d13.totalCount).toBe(1);
    const r84 = (await as('regionalCoordinatorR84', { first: 500 })).data!.auditLog;
    expect(r84.edges.map((e) => e.node.territoryCode)).toEqual(['D69', 'D69']);
    expect((await as('departmentalAgentD13')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await as('anonymous')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('filters and pages with a cursor, and names a bad filter', async () => {
    const measures = (await as('admin', { filter: { subjectType: 'Measure' }, first: 2 })).data!.auditLog;
    expect(measures.totalCount).toBe(4);
    expect(measures.edges).toHaveLength(2);
    expect(measures.pageInfo.hasNextPage).toBe(true);
    const rest = (await as('admin', { filter: { subjectType: 'Measure' }, first: 2, after: measures.pageInfo.endCursor })).data!.auditLog;
    expect(rest.edges.map((e) => e.node.new)).toEqual(['{"value":2}', '{"value":1}']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const future = (await as('admin', { filter: { from: '2999-01-01' } })).data!.auditLog;
    expect(future.totalCount).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await as('admin', { filter: { to: today, subjectType: 'Measure' } })).data!.auditLog.totalCount).toBe(4);
    const bad = await as('admin', { filter: { from: 'yesterday' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.from' });
  });

  it('filters by actor, action (or its start) and target, and names a bad action', async () => {
    const db = api.context.dataSource.manager;
    const adminId = who.admin.userId!;
    await audit(db, { actor: { kind: 'user', userId: adminId }, action: 'roadmap.selected', subjectType: 'roadmap_item', subjectId: 'D29:POL-X', new: { localObjective: 'x' }, territoryCode: 'D29' });
    const email = who.admin.email!;
    const byActor = (await as('admin', { filter: { actor: email.slice(0, 6).toUpperCase() } })).data!.auditLog;
    expect(byActor.edges.map((e) => e.node.action)).toContain('roadmap.selected');
    expect(byActor.edges.every((e) => e.node.action !== 'measure.published')).toBe(true);
    expect((await as('admin', { filter: { actor: 'system', subjectType: 'Measure' } })).data!.auditLog.totalCount).toBe(4);
    expect((await as('admin', { filter: { action: 'roadmap.' } })).data!.auditLog.totalCount).toBe(1);
    expect((await as('admin', { filter: { action: 'measure.published' } })).data!.auditLog.totalCount).toBe(4);
    expect((await as('admin', { filter: { action: 'measure.pub%' } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.action' });
    expect((await as('admin', { filter: { target: 'M-2' } })).data!.auditLog.edges.map((e) => e.node.territoryCode)).toEqual(['D29']);
    const d29 = (await as('admin', { filter: { target: 'D29', subjectType: 'roadmap_item' } })).data!.auditLog;
    expect(d29.edges.map((e) => e.node.action)).toEqual(['roadmap.selected']);
    expect((await as('admin', { filter: { target: 'D13', subjectType: 'roadmap_item' } })).data!.auditLog.totalCount).toBe(0);
    const withRetention = await graphql<{ auditLog: { retentionDays: number | null; edges: { node: { actorEmail: string | null } }[] } }>(
      api.url, `query($f: AuditLogFilter) { auditLog(filter: $f) { retentionDays edges { node { actorEmail } } } }`, { f: { action: 'roadmap.' } }, who.admin.headers,
    );
    expect(withRetention.data!.auditLog).toEqual({ retentionDays: null, edges: [{ node: { actorEmail: email } }] });
    await db.query(`DELETE FROM audit_log WHERE action = 'roadmap.selected'`);
  });

  it('exports CSV with the same rights, neutralising formula cells', async () => {
    const admin = await csv('admin', '?subjectType=Measure');
    expect(admin.status).toBe(200);
    expect(admin.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await admin.text();
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('at,actor_id,actor_email,actor_kind,action,subject_type,subject_id,territory_code,old,new');
    expect(lines).toHaveLength(5);
    expect(text).toContain(",'=cmd|/c calc,D69,");
    expect(text).toContain(`"{""comment"":""=HYPERLINK(\\""http://evil.example\\"")""}"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    const coordinator = await (await csv('departmentalCoordinatorD13')).text();
    expect(coordinator).toContain('C13055');
    expect(coordinator).not.toMatch(/D29|D69|m-29|m-69/);
    const refused = await csv('departmentalAgentD13');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'FORBIDDEN' });
    expect((await csv('anonymous')).status).toBe(401);
    const filtered = (await (await csv('admin', '?action=measure.&target=D69')).text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(filtered).toHaveLength(3);
    const bad = await csv('admin', '?from=soon');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'filter.from' });
  });
});
