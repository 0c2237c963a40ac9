import { type AuthTestApp, startAuthTestApp } from '../testing/auth-test-app';
import { graphql, type GraphqlResult } from '../testing/graphql-client';
import { createTestIdentities, type TestIdentity, type TestIdentityName } from '../testing/identities';

const CREATE = `mutation($email: String!, $roleId: ID!, $scope: ScopeInput!) { createAssignment(email: $email, roleId: $roleId, scope: $scope, reason: "test grant") { id userEmail roleId scope { kind territoryCode } } }`;
const REMOVE = `mutation($id: ID!) { removeAssignment(id: $id) { id revokedAt } }`;
const at = (territoryCode: string) => ({ kind: 'territory', territoryCode });

describe('rights management (roles, assignments, delegated administration)', () => {
  let api: AuthTestApp;
  let who: Record<TestIdentityName, TestIdentity>;

  beforeAll(async () => {
    api = await startAuthTestApp();
    who = await createTestIdentities(api.context.dataSource.manager);
  });
  afterAll(() => api?.close());

  const as = <T = Record<string, unknown>>(name: TestIdentityName, query: string, variables: Record<string, unknown> = {}) =>
    graphql<T>(api.url, query, variables, who[name].sessionHeaders) as Promise<GraphqlResult<T>>;
  const count = async (sql: string, params: unknown[] = []) => ((await api.context.dataSource.query(sql, params)) as { n: number }[])[0].n;

  it('lets the admin replace a role’s rules, audited old → new, and refuses everyone else', async () => {
    const update = `mutation($p: [RoleRuleInput!]!) { updateRolePermissions(roleId: "reader", permissions: $p) { id permissions { action subject } } }`;
    const rules = [{ action: ['read'], subject: ['Dashboard'] }, { action: ['export'], subject: ['Dashboard'] }];
    const refused = await as('nationalSteering', update, { p: rules });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const done = await as<{ updateRolePermissions: { permissions: { action: string[] }[] } }>('admin', update, { p: rules });
    expect(done.data?.updateRolePermissions.permissions).toHaveLength(2);
    const [entry] = (await api.context.dataSource.query(`SELECT actor_id, old, new FROM audit_log WHERE action = 'role.updated' AND subject_id = 'reader' ORDER BY id DESC LIMIT 1`)) as { actor_id: string; old: unknown[]; new: unknown[] }[];
    expect(entry.actor_id).toBe(who.admin.userId);
    expect(entry.old).toEqual([{ action: 'read', subject: 'Dashboard' }]);
    expect(entry.new).toHaveLength(2);
    // A token, even the admin's, cannot change rights.
    const byToken = await graphql(api.url, update, { p: rules }, who.admin.headers);
    expect(byToken.errors?.[0].extensions?.reason).toBe('TOKEN_NOT_ALLOWED');
  });

  it('rejects unknown actions/subjects and conditions with the rule at fault, changing nothing', async () => {
    const before = await api.context.dataSource.query(`SELECT permissions FROM role WHERE id = 'local-lead'`);
    const bad = await as('admin', `mutation { updateRolePermissions(roleId: "local-lead", permissions: [{ action: ["read"], subject: ["Dashboard"] }, { action: ["fly"], subject: ["Dashboard"] }]) { id } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'permissions[1].action' });
    expect(bad.errors?.[0].message).toContain('"fly"');
    const lockout = await as('admin', `mutation { updateRolePermissions(roleId: "admin", permissions: [{ action: ["read"], subject: ["Dashboard"] }]) { id } }`);
    expect(lockout.errors?.[0].extensions?.field).toBe('permissions');
    expect(await api.context.dataSource.query(`SELECT permissions FROM role WHERE id = 'local-lead'`)).toEqual(before);
  });

  it('lets a regional coordinator give lower roles inside the région only, creating the account', async () => {
    const ok = await as<{ createAssignment: { id: string; userEmail: string } }>('regionalCoordinatorR84', CREATE, { email: 'New.Agent@Test.gouv.fr', roleId: 'deconcentrated-service', scope: at('D69') });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.createAssignment.userEmail).toBe('new.agent@test.gouv.fr');
    const outside = await as('regionalCoordinatorR84', CREATE, { email: 'x@test.gouv.fr', roleId: 'reader', scope: at('D13') });
    const unknown = await as('regionalCoordinatorR84', CREATE, { email: 'x@test.gouv.fr', roleId: 'reader', scope: at('D999') });
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(unknown.errors?.[0].message).toBe(outside.errors?.[0].message);
    const peer = await as('regionalCoordinatorR84', CREATE, { email: 'peer@test.gouv.fr', roleId: 'regional-coordinator', scope: at('R84') });
    expect(peer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const national = await as('regionalCoordinatorR84', CREATE, { email: 'nat@test.gouv.fr', roleId: 'reader', scope: { kind: 'all' } });
    expect(national.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count(`SELECT count(*)::int AS n FROM app_user WHERE email IN ('x@test.gouv.fr', 'peer@test.gouv.fr', 'nat@test.gouv.fr')`)).toBe(0);
    const entries = (await api.context.dataSource.query(`SELECT action, actor_id, territory_code FROM audit_log WHERE subject_id = $1`, [ok.data!.createAssignment.id])) as { action: string; actor_id: string; territory_code: string }[];
    expect(entries).toEqual([{ action: 'assignment.created', actor_id: who.regionalCoordinatorR84.userId, territory_code: 'D69' }]);
  });

  it('revokes within the scope only, keeping the row and its trace', async () => {
    const created = await as<{ createAssignment: { id: string } }>('departmentalCoordinatorD13', CREATE, { email: 'temp@test.gouv.fr', roleId: 'reader', scope: at('C13055') });
    const id = created.data!.createAssignment.id;
    const stranger = await as('outOfScopeAgentD29', REMOVE, { id });
    expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const removed = await as<{ removeAssignment: { revokedAt: string } }>('departmentalCoordinatorD13', REMOVE, { id });
    expect(removed.data?.removeAssignment.revokedAt).toBeTruthy();
    const again = await as('departmentalCoordinatorD13', REMOVE, { id });
    expect(again.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count(`SELECT count(*)::int AS n FROM assignment WHERE id = $1 AND revoked_by = $2`, [id, who.departmentalCoordinatorD13.userId])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE subject_id = $1 AND action = 'assignment.revoked'`, [id])).toBe(1);
  });

  it('lists assignments inside the scope only, with a total that matches', async () => {
    type Page = { assignments: { totalCount: number; edges: { node: { scope: { territoryCode: string | null } } }[] } };
    const list = '{ assignments(first: 500) { totalCount edges { node { scope { territoryCode } } } } }';
    const d13 = (await as<Page>('departmentalCoordinatorD13', list)).data!.assignments;
    expect(d13.totalCount).toBe(d13.edges.length);
    expect(d13.edges.every((e) => e.node.scope.territoryCode === 'D13' || e.node.scope.territoryCode?.startsWith('C13'))).toBe(true);
    const all = (await as<Page>('admin', list)).data!.assignments;
    expect(all.totalCount).toBeGreaterThan(d13.totalCount);
    expect((await as('departmentalAgentD13', list)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses the 151st active account of a département, naming the quota', async () => {
    // 2 test identities already count in D13; 147 more accounts make 149.
    await api.context.dataSource.query(`
      WITH users AS (INSERT INTO app_user (email) SELECT 'bulk' || i || '@test.gouv.fr' FROM generate_series(1, 147) i RETURNING id)
      INSERT INTO assignment (user_id, role_id, scope_kind, scope_territory_code) SELECT id, 'reader', 'territory', 'D13' FROM users`);
    await api.context.dataSource.query(`UPDATE assignment SET revoked_at = now() WHERE scope_territory_code = 'C13055' AND revoked_at IS NULL`);
    const n150 = await as('departmentalCoordinatorD13', CREATE, { email: 'n150@test.gouv.fr', roleId: 'reader', scope: at('C13055') });
    expect(n150.errors).toBeUndefined();
    const n151 = await as('departmentalCoordinatorD13', CREATE, { email: 'n151@test.gouv.fr', roleId: 'reader', scope: at('D13') });
    expect(n151.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'QUOTA_REACHED' });
    expect(n151.errors?.[0].message).toMatch(/D13.*150 active accounts.*quota is 150 \(rights\.quotas\.DEPT\)/);
    expect(await count(`SELECT count(*)::int AS n FROM app_user WHERE email = 'n151@test.gouv.fr'`)).toBe(0);
    // Another role for someone already counted is not a new account; another département is unaffected.
    const sameperson = await as('departmentalCoordinatorD13', CREATE, { email: 'n150@test.gouv.fr', roleId: 'local-lead', scope: at('D13') });
    expect(sameperson.errors).toBeUndefined();
    const elsewhere = await as('regionalCoordinatorR84', CREATE, { email: 'n151@test.gouv.fr', roleId: 'reader', scope: at('D69') });
    expect(elsewhere.errors).toBeUndefined();
  });
});

