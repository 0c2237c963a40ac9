import path from 'node:path';
import { loadReferential } from '@pilote/core';
import { testInstance } from '@pilote/core/testing';
import { CSRF_HEADER } from '../guards/auth.guard';
import { sessionCookieName } from '../sessions/session-cookie';
import { createSession } from '../sessions/session-store';
import { type AuthTestApp, startAuthTestApp } from '../testing/auth-test-app';
import { graphql, type GraphqlResult } from '../testing/graphql-client';
import { createTestIdentities, type TestIdentity, type TestIdentityName } from '../testing/identities';

const referential = path.join(__dirname, '../../../core/test/fixtures/referential-small');
const GRANT = `mutation($email: String!, $roleId: ID!, $scope: ScopeInput!, $reason: String) {
  createAssignment(email: $email, roleId: $roleId, scope: $scope, reason: $reason) { id userId reason grantedByEmail scope { kind territoryCode policyIds taxonomyIds } } }`;
const combined = (territoryCode: string | null, policyIds: string[] = [], taxonomyIds: string[] = []) => ({ kind: 'combined', territoryCode, policyIds, taxonomyIds });
type Grant = { createAssignment: { id: string; userId: string; reason: string; grantedByEmail: string; scope: { kind: string; territoryCode: string; policyIds: string[] } } };

describe('combined scopes, reasons and role quotas (ADR 037)', () => {
  let api: AuthTestApp;
  let who: Record<TestIdentityName, TestIdentity>;

  beforeAll(async () => {
    api = await startAuthTestApp({
      instance: testInstance({ rights: { quotas: { DEPT: 150, REG: 200 }, roleQuotas: { 'local-lead': 1 }, requestableRoles: ['reader', 'local-lead'] } }),
    });
    const { dataSource } = api.context;
    expect((await loadReferential(dataSource, referential, { levels: ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'] })).ok).toBe(true);
    await dataSource.query(`INSERT INTO policy (id, code, name, kind, status, levels) VALUES ('P-2', 'P-2', 'Autre politique', 'priority-reform', 'published', '{NAT,REG,DEPT}')`);
    who = await createTestIdentities(dataSource.manager);
  });
  afterAll(() => api?.close());

  const db = () => api.context.dataSource;
  const as = <T = Record<string, unknown>>(name: TestIdentityName, query: string, variables: Record<string, unknown> = {}) =>
    graphql<T>(api.url, query, variables, who[name].sessionHeaders) as Promise<GraphqlResult<T>>;
  const sessionOf = async (userId: string) => {
    const { cookieValue, session } = await createSession(db().manager, { userId, ttlSeconds: 600 });
    return { cookie: `${sessionCookieName({ secureCookies: false })}=${cookieValue}`, [CSRF_HEADER]: session.csrfToken };
  };
  const snapshot = async () => db().query(`SELECT (SELECT count(*) FROM assignment)::int AS a, (SELECT count(*) FROM app_user)::int AS u, (SELECT count(*) FROM audit_log)::int AS l, (SELECT count(*) FROM role_quota_override)::int AS q`);

  it('a grant on D29 × P-1 reads P-1 at D29 and nothing else; its reason is kept, shown and audited', async () => {
    const granted = await as<Grant>('admin', GRANT, { email: 'p1.d29@test.gouv.fr', roleId: 'reader', scope: combined('D29', ['P-1']), reason: 'Suivi de P-1 dans le Finistère' });
    expect(granted.errors).toBeUndefined();
    expect(granted.data!.createAssignment).toMatchObject({ reason: 'Suivi de P-1 dans le Finistère', grantedByEmail: 'admin@test.gouv.fr', scope: { kind: 'combined', territoryCode: 'D29', policyIds: ['P-1'] } });
    const headers = await sessionOf(granted.data!.createAssignment.userId);
    const read = (query: string) => graphql(api.url, query, {}, headers);
    const policyAt = (policy: string, code: string) => read(`{ policyAt(policyId: "${policy}", territoryCode: "${code}") { policy { id } } }`);
    expect((await policyAt('P-1', 'D29')).errors).toBeUndefined();
    expect((await policyAt('P-2', 'D29')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await policyAt('P-1', 'D13')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await policyAt('P-1', 'FRANCE')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Views across every policy open at D29 with P-1's rows only (ADR 037, amended 2026-12-06:
    // policy-limited-reads.integration-spec.ts); elsewhere they stay closed.
    const home = (await read('{ home(territoryCode: "D29") { policies { policy { id } } } }')) as GraphqlResult<{ home: { policies: { policy: { id: string } }[] } }>;
    expect(home.data?.home.policies.map((row) => row.policy.id)).toEqual(['P-1']);
    expect((await read('{ home(territoryCode: "D13") { territory { code } } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [entry] = (await db().query(`SELECT actor_id, new FROM audit_log WHERE action = 'assignment.created' AND subject_id = $1`, [granted.data!.createAssignment.id])) as { actor_id: string; new: { reason: string; scope: { kind: string } } }[];
    expect(entry).toMatchObject({ actor_id: who.admin.userId, new: { reason: 'Suivi de P-1 dans le Finistère', scope: { kind: 'combined' } } });
  });

  it('a taxonomy × territory grant reads the policies of that taxonomy there only', async () => {
    const granted = await as<Grant>('admin', GRANT, { email: 'tax.d29@test.gouv.fr', roleId: 'reader', scope: combined('D29', [], ['min-test']), reason: 'Ministère de test' });
    expect(granted.errors).toBeUndefined();
    const headers = await sessionOf(granted.data!.createAssignment.userId);
    const policyAt = (policy: string, code: string) => graphql(api.url, `{ policyAt(policyId: "${policy}", territoryCode: "${code}") { policy { id } } }`, {}, headers);
    expect((await policyAt('P-1', 'D29')).errors).toBeUndefined(); // P-1 is in min-test
    expect((await policyAt('P-2', 'D29')).errors?.[0].extensions?.code).toBe('FORBIDDEN'); // P-2 is in no taxonomy
    expect((await policyAt('P-1', 'D69')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses grants above my own rights, without a reason or on unknown policies, with the field at fault, changing nothing', async () => {
    const before = await snapshot();
    const outside = await as('regionalCoordinatorR84', GRANT, { email: 'x1@test.gouv.fr', roleId: 'reader', scope: combined('D29', ['P-1']), reason: 'test' });
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'scope' });
    expect(outside.errors?.[0].message).toMatch(/above your own rights.*R84 and below/);
    const national = await as('regionalCoordinatorR84', GRANT, { email: 'x2@test.gouv.fr', roleId: 'reader', scope: combined(null, ['P-1']), reason: 'test' });
    expect(national.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'scope' });
    const peer = await as('regionalCoordinatorR84', GRANT, { email: 'x3@test.gouv.fr', roleId: 'regional-coordinator', scope: combined('D69', ['P-1']), reason: 'test' });
    expect(peer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'roleId' });
    expect(peer.errors?.[0].message).toMatch(/role is above your own rights/);
    const noReason = await as('regionalCoordinatorR84', GRANT, { email: 'x4@test.gouv.fr', roleId: 'reader', scope: combined('D69', ['P-1']), reason: '  ' });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const unknown = await as('regionalCoordinatorR84', GRANT, { email: 'x5@test.gouv.fr', roleId: 'reader', scope: combined('D69', ['P-404']), reason: 'test' });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scope.policyIds' });
    expect(unknown.errors?.[0].message).toContain('P-404');
    expect(await snapshot()).toEqual(before);
  });

  it('counts role quotas, refuses the one too many with the reason, and lets an administrator override it (who and why, audited)', async () => {
    const first = await as<Grant>('departmentalCoordinatorD13', GRANT, { email: 'lead1@test.gouv.fr', roleId: 'local-lead', scope: { kind: 'territory', territoryCode: 'C13055' }, reason: 'Référent Marseille' });
    expect(first.errors).toBeUndefined();
    const before = await snapshot();
    const second = await as('departmentalCoordinatorD13', GRANT, { email: 'lead2@test.gouv.fr', roleId: 'local-lead', scope: combined('D13', ['P-1']), reason: 'Référent P-1' });
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'QUOTA_REACHED', field: 'roleId' });
    expect(second.errors?.[0].message).toMatch(/D13.*1 people with the role "local-lead".*quota is 1 \(rights\.roleQuotas\.local-lead\)/);
    expect(await snapshot()).toEqual(before);

    const OVERRIDE = `mutation($max: Int!, $reason: String!) { overrideRoleQuota(territoryCode: "C13055", roleId: "local-lead", max: $max, reason: $reason) { territoryCode max used source overriddenByEmail reason } }`;
    expect((await as('nationalSteering', OVERRIDE, { max: 5, reason: 'x' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await as('admin', OVERRIDE, { max: 5, reason: ' ' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await as('admin', OVERRIDE, { max: -1, reason: 'x' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'max' });
    expect(await snapshot()).toEqual(before);
    const done = await as<{ overrideRoleQuota: Record<string, unknown> }>('admin', OVERRIDE, { max: 2, reason: 'Deux référents pour la métropole' });
    expect(done.data?.overrideRoleQuota).toEqual({ territoryCode: 'D13', max: 2, used: 1, source: 'override', overriddenByEmail: 'admin@test.gouv.fr', reason: 'Deux référents pour la métropole' });
    const [audit] = (await db().query(`SELECT actor_id, old, new FROM audit_log WHERE action = 'role-quota.overridden' AND subject_id = 'D13:local-lead'`)) as { actor_id: string; old: { max: number }; new: { max: number; reason: string } }[];
    expect(audit).toMatchObject({ actor_id: who.admin.userId, old: { max: 1 }, new: { max: 2, reason: 'Deux référents pour la métropole' } });
    const quotas = await as<{ quotasAt: { territoryCode: string; accountsMax: number; roles: { roleId: string; max: number; used: number; source: string }[] } }>('departmentalCoordinatorD13', `{ quotasAt(territoryCode: "C13055") { territoryCode accountsMax roles { roleId max used source } } }`);
    expect(quotas.data?.quotasAt).toEqual({ territoryCode: 'D13', accountsMax: 150, roles: [{ roleId: 'local-lead', max: 2, used: 1, source: 'override' }] });
    expect((await as('departmentalCoordinatorD13', `{ quotasAt(territoryCode: "D69") { territoryCode } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const now = await as('departmentalCoordinatorD13', GRANT, { email: 'lead2@test.gouv.fr', roleId: 'local-lead', scope: combined('D13', ['P-1']), reason: 'Référent P-1' });
    expect(now.errors).toBeUndefined();
  });

  it('lists and searches the accounts of my administration scope only', async () => {
    type Page = { rightsAccounts: { totalCount: number; nodes: { email: string; assignments: { scope: { territoryCode: string | null } }[] }[] } };
    const LIST = `query($search: String) { rightsAccounts(search: $search, first: 200) { totalCount nodes { email assignments { scope { territoryCode } } } } }`;
    const d13 = (await as<Page>('departmentalCoordinatorD13', LIST)).data!.rightsAccounts;
    const emails = d13.nodes.map((n) => n.email);
    expect(emails).toEqual(expect.arrayContaining(['agent.d13@test.gouv.fr', 'lead1@test.gouv.fr', 'lead2@test.gouv.fr']));
    expect(emails).not.toContain('agent.d29@test.gouv.fr');
    expect(emails).not.toContain('admin@test.gouv.fr');
    expect(d13.nodes.flatMap((n) => n.assignments).every((a) => a.scope.territoryCode === 'D13' || a.scope.territoryCode?.startsWith('C13'))).toBe(true);
    const searched = (await as<Page>('departmentalCoordinatorD13', LIST, { search: 'LEAD' })).data!.rightsAccounts;
    expect(searched.nodes.map((n) => n.email).sort()).toEqual(['lead1@test.gouv.fr', 'lead2@test.gouv.fr']);
    const all = (await as<Page>('admin', LIST)).data!.rightsAccounts;
    expect(all.nodes.map((n) => n.email)).toEqual(expect.arrayContaining(['agent.d29@test.gouv.fr', 'admin@test.gouv.fr']));
    expect((await as('departmentalAgentD13', LIST)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('revokes with a reason, audited', async () => {
    const granted = await as<Grant>('departmentalCoordinatorD13', GRANT, { email: 'temp2@test.gouv.fr', roleId: 'reader', scope: combined('D13', ['P-1']), reason: 'Mission courte' });
    const revoked = await as('departmentalCoordinatorD13', `mutation($id: ID!) { removeAssignment(id: $id, reason: "Fin de mission") { revokedAt } }`, { id: granted.data!.createAssignment.id });
    expect(revoked.errors).toBeUndefined();
    const [entry] = (await db().query(`SELECT new FROM audit_log WHERE action = 'assignment.revoked' AND subject_id = $1`, [granted.data!.createAssignment.id])) as { new: { reason: string } }[];
    expect(entry.new.reason).toBe('Fin de mission');
  });

  it('previews what a role on a combined scope reads, without logging in as anyone, inside my scope only', async () => {
    type Preview = { rightsPreview: { territory: { code: string; count: number } | null; policies: { id: string }[]; dashboardPath: string; rules: { subject: string[] }[] } };
    const PREVIEW = `query($roleId: ID!, $scope: ScopeInput!) { rightsPreview(roleId: $roleId, scope: $scope) { territory { code count } policies { id } dashboardPath rules { subject } } }`;
    const sessionsBefore = await db().query(`SELECT count(*)::int AS n FROM user_session`);
    const p1 = (await as<Preview>('admin', PREVIEW, { roleId: 'reader', scope: combined('D29', ['P-1']) })).data!.rightsPreview;
    expect(p1.territory?.code).toBe('D29');
    expect(p1.territory!.count).toBeGreaterThan(100); // Finistère and its communes
    expect(p1.policies).toEqual([{ id: 'P-1' }]);
    expect(p1.dashboardPath).toBe('/policies/P-1?territory=D29');
    const d29 = (await as<Preview>('admin', PREVIEW, { roleId: 'reader', scope: { kind: 'territory', territoryCode: 'D29' } })).data!.rightsPreview;
    expect(d29.policies.map((p) => p.id).sort()).toEqual(['P-1', 'P-2']);
    expect(d29.dashboardPath).toBe('/?territory=D29');
    const tax = (await as<Preview>('admin', PREVIEW, { roleId: 'reader', scope: combined(null, [], ['min-test']) })).data!.rightsPreview;
    expect(tax.territory).toBeNull();
    expect(tax.policies).toEqual([{ id: 'P-1' }]);
    expect((await as('regionalCoordinatorR84', PREVIEW, { roleId: 'reader', scope: combined('D29', ['P-1']) })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await as('departmentalAgentD13', PREVIEW, { roleId: 'reader', scope: combined('D13', ['P-1']) })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await db().query(`SELECT count(*)::int AS n FROM user_session`)).toEqual(sessionsBefore);
  });

  it('offers and accepts only the requestable roles (rights.requestableRoles)', async () => {
    const roles = await as<{ requestableRoles: { id: string }[] }>('reader', '{ requestableRoles { id } }');
    expect(roles.data?.requestableRoles.map((r) => r.id).sort()).toEqual(['local-lead', 'reader']);
    const REQUEST = `mutation($roleId: ID!) { requestAccess(roleId: $roleId, scope: { kind: "territory", territoryCode: "D13" }, reason: "Besoin") { id } }`;
    const before = await db().query(`SELECT count(*)::int AS n FROM access_request`);
    for (const roleId of ['admin', 'deconcentrated-service']) {
      const refused = await as('reader', REQUEST, { roleId });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roleId' });
      expect(refused.errors?.[0].message).toContain('cannot be requested');
    }
    expect(await db().query(`SELECT count(*)::int AS n FROM access_request`)).toEqual(before);
    expect((await as('reader', REQUEST, { roleId: 'local-lead' })).errors).toBeUndefined();
  });
});
