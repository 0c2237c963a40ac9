import { type AccessRequestCreatedEvent, type AccessRequestDecidedEvent, authEvents } from '../events/auth-events';
import { type AuthTestApp, startAuthTestApp } from '../testing/auth-test-app';
import { graphql, type GraphqlResult } from '../testing/graphql-client';
import { createTestIdentities, type TestIdentity, type TestIdentityName } from '../testing/identities';

const REQUEST = `mutation($roleId: ID!, $scope: ScopeInput!, $reason: String!) { requestAccess(roleId: $roleId, scope: $scope, reason: $reason) { id status scope { territoryCode } } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!, $reason: String) { decideAccessRequest(id: $id, approve: $approve, reason: $reason) { id status decidedBy decisionReason } }`;
const TO_DECIDE = '{ accessRequestsToDecide { id roleId scope { territoryCode } } }';

describe('access requests (DataPass-like)', () => {
  let api: AuthTestApp;
  let who: Record<TestIdentityName, TestIdentity>;
  const created: AccessRequestCreatedEvent[] = [];
  const decided: AccessRequestDecidedEvent[] = [];
  const unsubscribe: (() => void)[] = [];

  beforeAll(async () => {
    api = await startAuthTestApp();
    who = await createTestIdentities(api.context.dataSource.manager);
    unsubscribe.push(authEvents.on('access-request.created', (e) => void created.push(e)), authEvents.on('access-request.decided', (e) => void decided.push(e)));
  });
  afterAll(async () => {
    unsubscribe.forEach((off) => off());
    await api?.close();
  });

  const as = <T = Record<string, unknown>>(name: TestIdentityName, query: string, variables: Record<string, unknown> = {}) =>
    graphql<T>(api.url, query, variables, who[name].sessionHeaders) as Promise<GraphqlResult<T>>;

  it('goes from request to approval: managers of the scope see it, the decision creates the assignment and is kept', async () => {
    const asked = await as<{ requestAccess: { id: string; status: string } }>('reader', REQUEST, { roleId: 'local-lead', scope: { kind: 'territory', territoryCode: 'D13' }, reason: 'Je suis référent à Marseille' });
    expect(asked.data?.requestAccess.status).toBe('pending');
    const id = asked.data!.requestAccess.id;
    expect(created).toContainEqual({ requestId: id, requesterId: who.reader.userId, roleId: 'local-lead', scope: { kind: 'territory', territoryCode: 'D13' }, source: 'app' });

    const ids = async (name: TestIdentityName) => ((await as<{ accessRequestsToDecide: { id: string }[] }>(name, TO_DECIDE)).data?.accessRequestsToDecide ?? []).map((r) => r.id);
    expect(await ids('departmentalCoordinatorD13')).toContain(id);
    expect(await ids('admin')).toContain(id);
    expect(await ids('regionalCoordinatorR84')).not.toContain(id); // D13 is not in R84
    expect((await as('departmentalAgentD13', TO_DECIDE)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const outsider = await as('regionalCoordinatorR84', DECIDE, { id, approve: true });
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const approved = await as<{ decideAccessRequest: { status: string; decidedBy: string } }>('departmentalCoordinatorD13', DECIDE, { id, approve: true });
    expect(approved.data?.decideAccessRequest).toMatchObject({ status: 'approved', decidedBy: who.departmentalCoordinatorD13.userId });
    const grants = (await api.context.dataSource.query(`SELECT role_id, scope_territory_code, source, granted_by FROM assignment WHERE user_id = $1 AND source = 'access-request'`, [who.reader.userId])) as Record<string, string>[];
    expect(grants).toEqual([{ role_id: 'local-lead', scope_territory_code: 'D13', source: 'access-request', granted_by: who.departmentalCoordinatorD13.userId }]);
    expect(decided.find((e) => e.requestId === id)).toMatchObject({ approved: true, deciderId: who.departmentalCoordinatorD13.userId });
    const trail = (await api.context.dataSource.query(`SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY id`, [id])) as { action: string }[];
    expect(trail.map((t) => t.action)).toEqual(['access-request.created', 'access-request.decided']);
    const twice = await as('admin', DECIDE, { id, approve: false, reason: 'non' });
    expect(twice.errors?.[0].extensions?.reason).toBe('ALREADY_DECIDED');
  });

  it('needs a reason to refuse, and keeps it for the requester', async () => {
    const asked = await as<{ requestAccess: { id: string } }>('outOfScopeAgentD29', REQUEST, { roleId: 'reader', scope: { kind: 'territory', territoryCode: 'D69' }, reason: 'Besoin de comparer' });
    const id = asked.data!.requestAccess.id;
    const noReason = await as('regionalCoordinatorR84', DECIDE, { id, approve: false, reason: '  ' });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const refused = await as<{ decideAccessRequest: { status: string; decisionReason: string } }>('regionalCoordinatorR84', DECIDE, { id, approve: false, reason: 'Hors de votre périmètre' });
    expect(refused.data?.decideAccessRequest).toMatchObject({ status: 'refused', decisionReason: 'Hors de votre périmètre' });
    const mine = await as<{ myAccessRequests: { id: string; status: string; decisionReason: string }[] }>('outOfScopeAgentD29', '{ myAccessRequests { id status decisionReason } }');
    expect(mine.data?.myAccessRequests).toContainEqual({ id, status: 'refused', decisionReason: 'Hors de votre périmètre' });
    expect(await api.context.dataSource.query(`SELECT count(*)::int AS n FROM assignment WHERE user_id = $1 AND scope_territory_code = 'D69'`, [who.outOfScopeAgentD29.userId])).toEqual([{ n: 0 }]);
  });

  it('refuses bad requests with the field at fault, and never lets a manager decide their own', async () => {
    expect((await as('reader', REQUEST, { roleId: 'reader', scope: { kind: 'territory', territoryCode: 'D999' }, reason: 'x' })).errors?.[0].extensions?.field).toBe('scope.territoryCode');
    expect((await as('reader', REQUEST, { roleId: 'wizard', scope: { kind: 'all' }, reason: 'x' })).errors?.[0].extensions?.field).toBe('roleId');
    expect((await as('reader', REQUEST, { roleId: 'reader', scope: { kind: 'planet' }, reason: 'x' })).errors?.[0].extensions?.field).toBe('scope.kind');
    expect((await as('reader', REQUEST, { roleId: 'reader', scope: { kind: 'all' }, reason: '' })).errors?.[0].extensions?.field).toBe('reason');
    const own = await as<{ requestAccess: { id: string } }>('departmentalCoordinatorD13', REQUEST, { roleId: 'reader', scope: { kind: 'territory', territoryCode: 'C13055' }, reason: 'test' });
    const self = await as('departmentalCoordinatorD13', DECIDE, { id: own.data!.requestAccess.id, approve: true });
    expect(self.errors?.[0].extensions?.reason).toBe('OWN_REQUEST');
    expect((await graphql(api.url, REQUEST, { roleId: 'reader', scope: { kind: 'all' }, reason: 'x' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
