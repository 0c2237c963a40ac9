import path from 'node:path';
import { loadReferential, type NewMeasure, writeMeasures } from '@pilote/core';
import { type AuthTestApp, startAuthTestApp } from './testing/auth-test-app';
import { graphql, type GraphqlResult } from './testing/graphql-client';
import type { EntityManager } from 'typeorm';
import { createTestIdentities, type TestIdentity, type TestIdentityName } from './testing/identities';

const referential = path.join(__dirname, '../../core/test/fixtures/referential-small');
const levelOrder = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];
const m = (indicatorId: string, territoryCode: string, kind: NewMeasure['kind'], date: string, value: number): NewMeasure => ({ indicatorId, territoryCode, kind, date, value });

type Outcome = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED';
const NAMES: TestIdentityName[] = ['admin', 'nationalSteering', 'regionalCoordinatorR84', 'departmentalCoordinatorD13', 'departmentalAgentD13', 'reader', 'outOfScopeAgentD29', 'anonymous'];

/** Expected outcome per identity, in the order of NAMES. */
const row = (...outcomes: Outcome[]) => Object.fromEntries(NAMES.map((name, i) => [name, outcomes[i]])) as Record<TestIdentityName, Outcome>;

function outcome(result: GraphqlResult<unknown>): Outcome | string {
  if (!result.errors?.length) return 'ok';
  return result.errors[0].extensions?.code ?? result.errors[0].message;
}

describe('permission matrix (every identity × every query)', () => {
  let api: AuthTestApp;
  let who: Record<TestIdentityName, TestIdentity>;

  beforeAll(async () => {
    process.env.PILOTE_AS_OF = '2026-11-28';
    api = await startAuthTestApp({ settings: () => ({ datapassWebhookSecret: 'matrix-webhook-secret' }) });
    const { dataSource } = api.context;
    expect((await loadReferential(dataSource, referential, { levels: levelOrder })).ok).toBe(true);
    await dataSource.transaction((manager) =>
      writeMeasures(manager, [
        m('I-SUM', 'D13', 'VI', '2022-01-01', 10), m('I-SUM', 'D13', 'VA', '2026-09-30', 20), m('I-SUM', 'D13', 'VC', '2026-12-31', 50),
        m('I-SUM', 'D29', 'VI', '2022-01-01', 0), m('I-SUM', 'D29', 'VA', '2026-09-30', 10), m('I-SUM', 'D29', 'VC', '2026-12-31', 10),
        m('I-SUM', 'D69', 'VI', '2022-01-01', 0), m('I-SUM', 'D69', 'VA', '2026-09-30', 5), m('I-SUM', 'D69', 'VC', '2026-12-31', 10),
        ...['D13', 'D29', 'D69'].flatMap((code) => [m('I-DELAY', code, 'VI', '2022-01-01', 30), m('I-DELAY', code, 'VA', '2026-09-30', 20), m('I-DELAY', code, 'VC', '2026-12-31', 10)]),
      ], { provenance: 'user', levelOrder, asOf: '2026-11-28' }),
    );
    who = await createTestIdentities(dataSource.manager);
    await seedRightsFixtures(dataSource.manager, who);
  });

  afterAll(async () => {
    await api?.close();
    delete process.env.PILOTE_AS_OF;
  });

  const ask = (name: TestIdentityName, query: string, variables: Record<string, unknown> = {}) => graphql(api.url, query, variables, who[name].headers);

  const queries: [label: string, query: string, expected: Record<TestIdentityName, Outcome>][] = [
    ['home(FRANCE)', '{ home(territoryCode: "FRANCE") { territory { code } } }', row('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['home(D13)', '{ home(territoryCode: "D13") { territory { code } } }', row('ok', 'ok', 'FORBIDDEN', 'ok', 'ok', 'ok', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['home(D69)', '{ home(territoryCode: "D69") { territory { code } } }', row('ok', 'ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['policyAt(P-1, D13)', '{ policyAt(policyId: "P-1", territoryCode: "D13") { globalRate { value } } }', row('ok', 'ok', 'FORBIDDEN', 'ok', 'ok', 'ok', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['indicatorAt(I-SUM, D13)', '{ indicatorAt(indicatorId: "I-SUM", territoryCode: "D13") { globalRate { value } territories { code } } }', row('ok', 'ok', 'FORBIDDEN', 'ok', 'ok', 'ok', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['indicatorSeries(I-SUM, D13)', '{ indicatorSeries(indicatorId: "I-SUM", territoryCode: "D13", withChildren: true) { __typename } }', row('ok', 'ok', 'FORBIDDEN', 'ok', 'ok', 'ok', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['explanation(D13)', '{ explanation(id: "indicator:I-SUM:D13:global") { value } }', row('ok', 'ok', 'FORBIDDEN', 'ok', 'ok', 'ok', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['territories(DEPT)', '{ territories(level: "DEPT") { totalCount } }', row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHENTICATED')],
    ['territory(D13)', '{ territory(code: "D13") { name } }', row('ok', 'ok', 'FORBIDDEN', 'ok', 'ok', 'ok', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['policies', '{ policies { id } }', row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHENTICATED')],
    ['myApiTokens', '{ myApiTokens { id } }', row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHENTICATED')],
    ['instance (public branding)', '{ instance { id } }', row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok')],
  ];

  it.each(queries)('%s: allowed and refused as expected', async (_label, query, expected) => {
    const actual: Record<string, Outcome | string> = {};
    for (const name of NAMES) actual[name] = outcome(await ask(name, query));
    expect(actual).toEqual(expected);
  });

  it('refuses an unknown territory exactly like an out-of-scope one (no existence oracle)', async () => {
    const outside = await ask('departmentalAgentD13', '{ home(territoryCode: "D29") { territory { code } } }');
    const unknown = await ask('departmentalAgentD13', '{ home(territoryCode: "D999") { territory { code } } }');
    expect(outside.errors?.[0].message).toBe(unknown.errors?.[0].message);
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(outside)).not.toMatch(/D29|Finistère/);
  });

  it('keeps lists, counts, peers and maps inside the scope', async () => {
    const list = (name: TestIdentityName) =>
      ask(name, '{ territories(level: "DEPT", first: 500) { totalCount edges { node { code parentCode } } } }') as Promise<GraphqlResult<{ territories: { totalCount: number; edges: { node: { code: string; parentCode: string } }[] } }>>;
    const everyone = (await list('reader')).data!.territories;
    expect(everyone.totalCount).toBeGreaterThan(90);
    const d13 = (await list('departmentalAgentD13')).data!.territories;
    expect(d13.totalCount).toBe(1);
    expect(d13.edges.map((e) => e.node.code)).toEqual(['D13']);
    const r84 = (await list('regionalCoordinatorR84')).data!.territories;
    expect(r84.totalCount).toBe(12);
    expect(new Set(r84.edges.map((e) => e.node.parentCode))).toEqual(new Set(['R84']));

    type Home = { home: { map: { code: string }[]; globalRate: { count: number }; policies: { peers: { count: number } }[] } };
    const homeQuery = '{ home(territoryCode: "D13") { map { code } globalRate { count } policies { peers { count } } } }';
    const asReader = (await ask('reader', homeQuery)).data as Home;
    const asAgent = (await ask('departmentalAgentD13', homeQuery)).data as Home;
    expect(asReader.home.policies[0].peers.count).toBe(3); // D13, D29, D69 have a rate
    expect(asAgent.home.policies[0].peers.count).toBe(1); // only D13 is in the agent's scope
    expect(asAgent.home.map.every((t) => t.code === 'D13' || t.code.startsWith('E') || t.code.startsWith('C'))).toBe(true);
    expect(asAgent.home.globalRate.count).toBeLessThanOrEqual(1);
    expect(JSON.stringify(asAgent)).not.toMatch(/"D29"|"D69"/);
  });
  // ---- rights, access requests, audit (mutations as a signed-in session: tokens may not change rights) ----

  const session = (name: TestIdentityName, query: string, variables: Record<string, unknown> = {}) => graphql(api.url, query, variables, who[name].sessionHeaders);

  const rightsQueries: [label: string, query: string, expected: Record<TestIdentityName, Outcome>][] = [
    ['roles', '{ roles { id rank } }', row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHENTICATED')],
    ['assignments', '{ assignments { totalCount } }', row('ok', 'ok', 'ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['accessRequestsToDecide', '{ accessRequestsToDecide { id } }', row('ok', 'ok', 'ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['myAccessRequests', '{ myAccessRequests { id } }', row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHENTICATED')],
    ['auditLog', '{ auditLog { totalCount } }', row('ok', 'ok', 'ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['auditRetention', '{ auditRetention { days source } }', row('ok', 'ok', 'ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED')],
    // The instance's owners only (read Usage: the admin's manage all; ADR 045).
    ['usageFigures', '{ usageFigures(from: "2026-11-01", to: "2026-11-28", granularity: DAY) { points { activeUsers } } }', row('ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED')],
    // Everyone's rendered pages are counted, anonymous included (role public, no id); not audited, by design.
    ['recordPageView(territory D13)', 'mutation { recordPageView(view: { kind: TERRITORY, territoryCode: "D13" }) }', row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok')],
  ];

  it.each(rightsQueries)('%s: allowed and refused as expected', async (_label, query, expected) => {
    const actual: Record<string, Outcome | string> = {};
    for (const name of NAMES) actual[name] = outcome(await ask(name, query));
    expect(actual).toEqual(expected);
  });

  /** Each mutation gets its own target per identity, so one identity's success cannot change another's outcome. */
  const mutations: [label: string, query: string, variables: (name: TestIdentityName) => Record<string, unknown>, expected: Record<TestIdentityName, Outcome>][] = [
    ['updateRolePermissions(reader)', 'mutation { updateRolePermissions(roleId: "reader", permissions: [{ action: ["read"], subject: ["Dashboard"] }]) { id } }', () => ({}),
      row('ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['createAssignment(reader on D13)', 'mutation($email: String!) { createAssignment(email: $email, roleId: "reader", scope: { kind: "territory", territoryCode: "D13" }, reason: "matrix") { id } }', (name) => ({ email: `matrix.${name.toLowerCase()}@test.gouv.fr` }),
      row('ok', 'ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['removeAssignment(on C13055)', 'mutation($id: ID!) { removeAssignment(id: $id) { id } }', (name) => ({ id: fixtures.assignmentFor[name] }),
      row('ok', 'ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['requestAccess(local-lead on C13055)', 'mutation { requestAccess(roleId: "local-lead", scope: { kind: "territory", territoryCode: "C13055" }, reason: "matrix") { id } }', () => ({}),
      row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHENTICATED')],
    ['decideAccessRequest(refuse, D13)', 'mutation($id: ID!) { decideAccessRequest(id: $id, approve: false, reason: "matrix") { id } }', (name) => ({ id: fixtures.requestFor[name] }),
      row('ok', 'ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['createApiToken', 'mutation { createApiToken(name: "matrix", ttlDays: 1, scopes: ["read"]) { secret } }', () => ({}),
      row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHENTICATED')],
    ['setAuditRetention(400 days)', 'mutation { setAuditRetention(days: 400, reason: "matrix") { days } }', () => ({}),
      row('ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['resetAuditRetention', 'mutation { resetAuditRetention(reason: "matrix") { source } }', () => ({}),
      row('ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED')],
  ];

  it.each(mutations)('%s: allowed and refused as expected, each allowed change audited', async (_label, query, variables, expected) => {
    const actual: Record<string, Outcome | string> = {};
    const before = await auditCount();
    for (const name of NAMES) actual[name] = outcome(await session(name, query, variables(name)));
    expect(actual).toEqual(expected);
    const allowed = Object.values(expected).filter((o) => o === 'ok').length;
    expect((await auditCount()) - before).toBeGreaterThanOrEqual(allowed);
  });

  it('refuses an unknown assignment or request exactly like an out-of-scope one, naming nothing', async () => {
    const outside = await session('departmentalCoordinatorD13', 'mutation($id: ID!) { removeAssignment(id: $id) { id } }', { id: fixtures.outsideAssignment });
    const unknown = await session('departmentalCoordinatorD13', 'mutation($id: ID!) { removeAssignment(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' });
    expect(outside.errors?.[0].message).toBe(unknown.errors?.[0].message);
    expect(JSON.stringify(outside)).not.toMatch(/D29|agent\.d29|outside@/);
    const request = await session('departmentalCoordinatorD13', 'mutation($id: ID!) { decideAccessRequest(id: $id, approve: true) { id } }', { id: fixtures.outsideRequest });
    expect(request.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(request)).not.toMatch(/D29|requester@/);
  });

  it('keeps assignments, requests to decide and the audit trail inside the scope (lists and counts)', async () => {
    type Lists = { assignments: { totalCount: number; edges: { node: { userEmail: string; scope: { territoryCode: string | null } } }[] }; accessRequestsToDecide: { scope: { territoryCode: string } }[]; auditLog: { totalCount: number; edges: { node: { territoryCode: string | null } }[] } };
    const query = '{ assignments(first: 500) { totalCount edges { node { userEmail scope { territoryCode } } } } accessRequestsToDecide { scope { territoryCode } } auditLog(first: 500) { totalCount edges { node { territoryCode } } } }';
    const inD13 = (code: string | null) => code === 'D13' || Boolean(code?.startsWith('C13'));
    const d13 = (await ask('departmentalCoordinatorD13', query)).data as Lists;
    expect(d13.assignments.edges.every((e) => inD13(e.node.scope.territoryCode))).toBe(true);
    expect(d13.assignments.totalCount).toBe(d13.assignments.edges.length);
    expect(d13.accessRequestsToDecide.length).toBeGreaterThan(0);
    expect(d13.accessRequestsToDecide.every((r) => inD13(r.scope.territoryCode))).toBe(true);
    expect(d13.auditLog.edges.every((e) => inD13(e.node.territoryCode))).toBe(true);
    expect(d13.auditLog.totalCount).toBe(d13.auditLog.edges.length);
    expect(JSON.stringify(d13)).not.toMatch(/agent\.d29|outside@|"D29"|"D69"/);
    const r84 = (await ask('regionalCoordinatorR84', query)).data as Lists;
    expect(r84.assignments.edges.map((e) => e.node.scope.territoryCode).every((code) => code === 'R84' || code === 'D69')).toBe(true);
    const admin = (await ask('admin', query)).data as Lists;
    expect(admin.assignments.totalCount).toBeGreaterThan(d13.assignments.totalCount + r84.assignments.totalCount);
    expect(admin.auditLog.totalCount).toBeGreaterThan(d13.auditLog.totalCount);
  });

  it('REST: GET /api/v1/audit.csv as each identity, with no out-of-scope row', async () => {
    const expected = row('ok', 'ok', 'ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED');
    const statusOf: Record<number, Outcome> = { 200: 'ok', 403: 'FORBIDDEN', 401: 'UNAUTHENTICATED' };
    const actual: Record<string, Outcome | number> = {};
    const bodies: Record<string, string> = {};
    for (const name of NAMES) {
      const response = await fetch(`${api.url}/api/v1/audit.csv`, { headers: who[name].headers });
      actual[name] = statusOf[response.status] ?? response.status;
      bodies[name] = await response.text();
    }
    expect(actual).toEqual(expected);
    // The territory column found by its header: columns may be added (actor_email was).
    const territories = (csv: string) => {
      const [header, ...lines] = csv.trim().split('\r\n');
      const column = header.split(',').indexOf('territory_code');
      expect(column).toBeGreaterThanOrEqual(0);
      return lines.map((line) => line.split(',')[column]);
    };
    expect(territories(bodies.departmentalCoordinatorD13).length).toBeGreaterThan(0);
    expect(territories(bodies.departmentalCoordinatorD13).every((code) => code === 'D13' || code.startsWith('C13'))).toBe(true);
    expect(territories(bodies.regionalCoordinatorR84).every((code) => code === 'R84' || code === 'D69' || code.startsWith('C69') || code.startsWith('E'))).toBe(true);
    expect(bodies.outOfScopeAgentD29).not.toMatch(/D13|D29/);
  });

  it('REST: POST /api/v1/datapass/webhook gives no identity any right: unsigned calls are 401 for everyone', async () => {
    const body = JSON.stringify({ event: 'approve', data: { id: 1, applicant: { email: 'x@test.gouv.fr' }, data: { pilote_role: 'reader' } } });
    const actual: Record<string, number> = {};
    for (const name of NAMES) {
      const response = await fetch(`${api.url}/api/v1/datapass/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...who[name].sessionHeaders }, body });
      actual[name] = response.status;
    }
    expect(new Set(Object.values(actual))).toEqual(new Set([401]));
  });

  const auditCount = async () => ((await api.context.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`)) as { n: number }[])[0].n;
});

interface RightsFixtures {
  assignmentFor: Record<string, string>;
  requestFor: Record<string, string>;
  outsideAssignment: string;
  outsideRequest: string;
}

const fixtures: RightsFixtures = { assignmentFor: {}, requestFor: {}, outsideAssignment: '', outsideRequest: '' };

/** One assignment (reader on C13055) and one pending request (local-lead on D13) per identity to act on, plus rows in D29. */
async function seedRightsFixtures(db: EntityManager, who: Record<TestIdentityName, TestIdentity>): Promise<void> {
  const [requester] = (await db.query(`INSERT INTO app_user (email) VALUES ('requester@test.gouv.fr') RETURNING id`)) as { id: string }[];
  for (const name of Object.keys(who)) {
    const [user] = (await db.query(`INSERT INTO app_user (email) VALUES ($1) RETURNING id`, [`target.${name.toLowerCase()}@test.gouv.fr`])) as { id: string }[];
    const [assignment] = (await db.query(`INSERT INTO assignment (user_id, role_id, scope_kind, scope_territory_code) VALUES ($1, 'reader', 'territory', 'C13055') RETURNING id`, [user.id])) as { id: string }[];
    fixtures.assignmentFor[name] = assignment.id;
    const [request] = (await db.query(`INSERT INTO access_request (requester_id, role_id, scope_kind, scope_territory_code, reason) VALUES ($1, 'local-lead', 'territory', 'D13', $2) RETURNING id`, [requester.id, `for ${name}`])) as { id: string }[];
    fixtures.requestFor[name] = request.id;
  }
  const [outside] = (await db.query(`INSERT INTO app_user (email) VALUES ('outside@test.gouv.fr') RETURNING id`)) as { id: string }[];
  fixtures.outsideAssignment = ((await db.query(`INSERT INTO assignment (user_id, role_id, scope_kind, scope_territory_code) VALUES ($1, 'reader', 'territory', 'D29') RETURNING id`, [outside.id])) as { id: string }[])[0].id;
  fixtures.outsideRequest = ((await db.query(`INSERT INTO access_request (requester_id, role_id, scope_kind, scope_territory_code, reason) VALUES ($1, 'reader', 'territory', 'D29', 'outside') RETURNING id`, [requester.id])) as { id: string }[])[0].id;
  await db.query(`INSERT INTO audit_log (actor_kind, action, subject_type, subject_id, territory_code) VALUES ('system', 'measure.published', 'Measure', 'm-29', 'D29'), ('system', 'measure.published', 'Measure', 'm-13', 'C13055'), ('system', 'measure.published', 'Measure', 'm-69', 'D69')`);
}
