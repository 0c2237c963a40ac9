import { testInstance } from '@pilote/core/testing';
import { type AuthTestApp, startAuthTestApp } from '../testing/auth-test-app';
import { graphql, type GraphqlResult } from '../testing/graphql-client';
import { createTestIdentities, type TestIdentity, type TestIdentityName } from '../testing/identities';
import { signBody } from './webhook-signature';

/**
 * ADR 037 (amended): a DataPass grant and an approved access request count against the role
 * quotas like a grant made on /admin/rights; the one too many is refused with which quota, its
 * limit and its use, and nothing is written. PGlite by default, PostgreSQL with DATABASE_URL.
 */
const SECRET = 'datapass-test-secret-0123456789';
const REQUEST = `mutation { requestAccess(roleId: "deconcentrated-service", scope: { kind: "territory", territoryCode: "D13" }, reason: "Agent de la DDTM") { id } }`;
const DECIDE = `mutation($id: ID!) { decideAccessRequest(id: $id, approve: true) { id status } }`;

describe('grants from DataPass and access requests within role quotas', () => {
  let api: AuthTestApp;
  let who: Record<TestIdentityName, TestIdentity>;
  beforeAll(async () => {
    // One deconcentrated-service agent per département: D13 has one already (the test identities' agent).
    api = await startAuthTestApp({
      instance: testInstance({ rights: { quotas: { DEPT: 150, REG: 200 }, roleQuotas: { 'deconcentrated-service': 1 } } }),
      settings: () => ({ datapassWebhookSecret: SECRET }),
    });
    who = await createTestIdentities(api.context.dataSource.manager);
  });
  afterAll(() => api?.close());

  const db = () => api.context.dataSource;
  const snapshot = async () => db().query(`SELECT (SELECT count(*) FROM assignment)::int AS a, (SELECT count(*) FROM app_user)::int AS u, (SELECT count(*) FROM access_request)::int AS r, (SELECT count(*) FROM audit_log)::int AS l`);
  const send = (payload: unknown) => {
    const body = JSON.stringify(payload);
    return fetch(`${api.url}/api/v1/datapass/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(SECRET, body) }, body });
  };
  const expectedDetails = { quota: 'role', roleId: 'deconcentrated-service', territoryCode: 'D13', limit: 1, used: 1, source: 'config' };

  it('refuses a DataPass grant above the role quota (409, the quota, its limit and use) and writes nothing', async () => {
    const before = await snapshot();
    const response = await send({ event: 'approve', data: { id: 5150, applicant: { email: 'second.agent@interieur.gouv.fr' }, data: { pilote_role: 'deconcentrated-service', pilote_territory: 'D13' } } });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: string; message: string; field: string; details: Record<string, unknown> };
    expect(body).toMatchObject({ error: 'QUOTA_REACHED', field: 'roleId', details: expectedDetails });
    expect(body.message).toMatch(/D13\) already has 1 people with the role "deconcentrated-service": its quota is 1 \(rights\.roleQuotas\.deconcentrated-service\)/);
    expect(await snapshot()).toEqual(before);
    expect(await db().query(`SELECT id FROM app_user WHERE email = 'second.agent@interieur.gouv.fr'`)).toEqual([]);

    // Another département has room: the same role is granted there.
    const elsewhere = await send({ event: 'approve', data: { id: 5151, applicant: { email: 'second.agent@interieur.gouv.fr' }, data: { pilote_role: 'deconcentrated-service', pilote_territory: 'D83' } } });
    expect(elsewhere.status).toBe(200);
    expect(await elsewhere.json()).toMatchObject({ status: 'granted' });
  });

  it('refuses to approve an access request above the role quota in GraphQL, with the figures, and the request stays pending', async () => {
    const asked = await graphql<{ requestAccess: { id: string } }>(api.url, REQUEST, {}, who.reader.sessionHeaders) as GraphqlResult<{ requestAccess: { id: string } }>;
    expect(asked.errors).toBeUndefined();
    const id = asked.data!.requestAccess.id;
    const before = await snapshot();
    const decided = await graphql(api.url, DECIDE, { id }, who.departmentalCoordinatorD13.sessionHeaders) as GraphqlResult<unknown>;
    expect(decided.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'QUOTA_REACHED', field: 'roleId', details: expectedDetails });
    expect(await snapshot()).toEqual(before);
    expect(await db().query(`SELECT status FROM access_request WHERE id = $1`, [id])).toEqual([{ status: 'pending' }]);
  });
});
