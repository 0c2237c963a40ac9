import { type AuthTestApp, startAuthTestApp } from '../testing/auth-test-app';
import { signBody } from './webhook-signature';

const SECRET = 'datapass-test-secret-0123456789';
const validated = (id: number, email: string, role: string, territory?: string) => ({
  event: 'approve',
  fired_at: 1764326400,
  model: 'authorization_request',
  data: { id, applicant: { email, given_name: 'Camille', family_name: 'Martin' }, data: { pilote_role: role, ...(territory ? { pilote_territory: territory } : {}) } },
});

describe('DataPass webhook', () => {
  let api: AuthTestApp;
  beforeAll(async () => {
    api = await startAuthTestApp({ settings: () => ({ datapassWebhookSecret: SECRET }) });
  });
  afterAll(() => api?.close());

  const send = (payload: unknown, signature?: string) => {
    const body = JSON.stringify(payload);
    return fetch(`${api.url}/api/v1/datapass/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature ?? signBody(SECRET, body) }, body });
  };
  const assignmentsOf = (email: string) =>
    api.context.dataSource.query(`SELECT a.role_id, a.scope_territory_code, a.source, a.source_ref, a.revoked_at IS NOT NULL AS revoked FROM assignment a JOIN app_user u ON u.id = a.user_id WHERE u.email = $1`, [email]) as Promise<Record<string, unknown>[]>;

  it('turns a validated request into an assignment (once), and a revoked one into a revocation', async () => {
    const response = await send(validated(4242, 'Agent.Datapass@Interieur.gouv.fr', 'deconcentrated-service', 'd13'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'granted' });
    expect(await assignmentsOf('agent.datapass@interieur.gouv.fr')).toEqual([{ role_id: 'deconcentrated-service', scope_territory_code: 'D13', source: 'datapass', source_ref: '4242', revoked: false }]);
    const replay = await send(validated(4242, 'agent.datapass@interieur.gouv.fr', 'deconcentrated-service', 'D13'));
    expect(await replay.json()).toMatchObject({ status: 'unchanged' });
    const revoked = await send({ event: 'revoke', data: { id: 4242 } });
    expect(await revoked.json()).toEqual({ status: 'revoked', count: 1 });
    expect((await assignmentsOf('agent.datapass@interieur.gouv.fr'))[0].revoked).toBe(true);
    const trail = (await api.context.dataSource.query(`SELECT action, actor_kind FROM audit_log WHERE new->>'source' = 'datapass' OR old->>'source' = 'datapass' OR new->>'reason' LIKE 'DataPass%' ORDER BY id`)) as { action: string; actor_kind: string }[];
    expect(trail.map((t) => t.action)).toEqual(['assignment.created', 'access-request.decided', 'assignment.revoked']);
    expect(new Set(trail.map((t) => t.actor_kind))).toEqual(new Set(['system']));
    expect(await (await send({ event: 'draft', data: { id: 1 } })).json()).toEqual({ status: 'ignored', event: 'draft' });
  });

  it('answers 401 to a missing or wrong signature and changes nothing', async () => {
    const before = await api.context.dataSource.query(`SELECT count(*)::int AS n FROM assignment`);
    const wrong = await send(validated(7, 'intruder@example.com', 'reader'), signBody('not-the-secret', 'x'));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'SIGNATURE_INVALID' });
    const body = JSON.stringify(validated(7, 'intruder@example.com', 'reader'));
    const tampered = await fetch(`${api.url}/api/v1/datapass/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(SECRET, body) }, body: body.replace('reader', 'national-steering') });
    expect(tampered.status).toBe(401);
    const none = await fetch(`${api.url}/api/v1/datapass/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(none.status).toBe(401);
    expect(await api.context.dataSource.query(`SELECT count(*)::int AS n FROM assignment`)).toEqual(before);
  });

  it('refuses payloads it cannot map with the field at fault (400), never admin rights', async () => {
    const noRole = await send({ event: 'approve', data: { id: 9, applicant: { email: 'a@b.fr' }, data: {} } });
    expect(noRole.status).toBe(400);
    expect(await noRole.json()).toMatchObject({ field: 'data.data.pilote_role' });
    const admin = await send(validated(10, 'a@b.fr', 'admin'));
    expect(admin.status).toBe(400);
    const nowhere = await send(validated(11, 'a@b.fr', 'reader', 'D999'));
    expect(await nowhere.json()).toMatchObject({ field: 'data.data.pilote_territory' });
    const notJson = await fetch(`${api.url}/api/v1/datapass/webhook`, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-hub-signature-256': signBody(SECRET, 'hello') }, body: 'hello' });
    expect(notJson.status).toBe(400);
  });

  it('does not exist without DATAPASS_WEBHOOK_SECRET', async () => {
    const plain = await startAuthTestApp();
    try {
      const body = JSON.stringify(validated(1, 'a@b.fr', 'reader'));
      const response = await fetch(`${plain.url}/api/v1/datapass/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody('', body) }, body });
      expect(response.status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
