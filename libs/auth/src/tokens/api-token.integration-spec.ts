import { SYSTEM_ACTOR } from '../audit/audit';
import { type AuthTestApp, startAuthTestApp } from '../testing/auth-test-app';
import { graphql } from '../testing/graphql-client';
import { createApiToken } from './api-token.service';

describe('API tokens', () => {
  let api: AuthTestApp;
  let ownerId: string;

  beforeAll(async () => {
    api = await startAuthTestApp();
    const db = api.context.dataSource;
    [{ id: ownerId }] = (await db.query(`INSERT INTO app_user (email) VALUES ('owner@test.gouv.fr') RETURNING id`)) as { id: string }[];
    await db.query(`INSERT INTO assignment (user_id, role_id, scope_kind) VALUES ($1, 'national-steering', 'all')`, [ownerId]);
  });

  afterAll(() => api?.close());

  const newToken = (scopes: string[], ttlDays = 30) =>
    api.context.dataSource.transaction((m) => createApiToken(m, { userId: ownerId, name: `t-${scopes.join('-')}`, ttlDays, scopes, actor: SYSTEM_ACTOR }));

  it('authenticates Bearer requests, stores only a hash and records the last use', async () => {
    const { secret, token } = await newToken(['read']);
    expect(secret).toMatch(/^pk_[A-Za-z0-9_-]{43}$/);
    const stored = (await api.context.dataSource.query(`SELECT hash FROM api_token WHERE id = $1`, [token.id])) as { hash: string }[];
    expect(stored[0].hash).not.toContain(secret.slice(3));
    const me = (await (await fetch(`${api.url}/auth/me`, { headers: { authorization: `Bearer ${secret}` } })).json()) as { authenticated: boolean; kind: string; user: { email: string } };
    expect(me).toMatchObject({ authenticated: true, kind: 'token', user: { email: 'owner@test.gouv.fr' } });
    const list = await graphql<{ myApiTokens: { id: string; lastUsedAt: string | null; scopes: string[] }[] }>(api.url, '{ myApiTokens { id lastUsedAt scopes } }', {}, { authorization: `Bearer ${secret}` });
    const mine = list.data?.myApiTokens.find((t) => t.id === token.id);
    expect(mine?.lastUsedAt).not.toBeNull();
    expect(mine?.scopes).toEqual(['read']);
  });

  it('never gives a token more than its scopes: a read token cannot revoke, though its owner can', async () => {
    const { secret: readOnly } = await newToken(['read']);
    const { token: target } = await newToken(['import']);
    const refused = await graphql(api.url, 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: target.id }, { authorization: `Bearer ${readOnly}` });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { secret: writer } = await newToken(['write']);
    const revoked = await graphql<{ revokeApiToken: { revokedAt: string } }>(api.url, 'mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: target.id }, { authorization: `Bearer ${writer}` });
    expect(revoked.data?.revokeApiToken.revokedAt).toBeTruthy();
    const create = await graphql(api.url, 'mutation { createApiToken(name: "x", ttlDays: 1, scopes: ["read"]) { secret } }', {}, { authorization: `Bearer ${writer}` });
    expect(create.errors?.[0].extensions?.reason).toBe('TOKEN_NOT_ALLOWED');
  });

  it('answers malformed, unknown, revoked and expired tokens with 401 and a message saying which', async () => {
    const { secret: revoked, token: revokedToken } = await newToken(['read']);
    await api.context.dataSource.query(`UPDATE api_token SET revoked_at = now() WHERE id = $1`, [revokedToken.id]);
    const { secret: expired, token: expiredToken } = await newToken(['read']);
    await api.context.dataSource.query(`UPDATE api_token SET expires_at = now() - interval '1 day' WHERE id = $1`, [expiredToken.id]);
    const cases: [string, string][] = [
      ['Bearer not-a-token', 'TOKEN_MALFORMED'],
      ['Basic dXNlcjpwYXNz', 'TOKEN_MALFORMED'],
      [`Bearer pk_${'A'.repeat(43)}`, 'TOKEN_UNKNOWN'],
      [`Bearer ${revoked}`, 'TOKEN_REVOKED'],
      [`Bearer ${expired}`, 'TOKEN_EXPIRED'],
    ];
    for (const [authorization, code] of cases) {
      const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: '{"query":"{ myApiTokens { id } }"}' });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe(code);
      expect(body.message).toMatch(/token|Authorization/i);
    }
  });

  it('validates creation input (scopes, lifetime, name) with the field at fault, creating nothing', async () => {
    const before = (await api.context.dataSource.query(`SELECT count(*)::int AS n FROM api_token`)) as { n: number }[];
    await expect(newToken(['admin'])).rejects.toMatchObject({ field: 'scopes', message: expect.stringContaining('"admin"') });
    await expect(newToken(['read'], 0)).rejects.toMatchObject({ field: 'ttlDays' });
    const after = (await api.context.dataSource.query(`SELECT count(*)::int AS n FROM api_token`)) as { n: number }[];
    expect(after[0].n).toBe(before[0].n);
  });

  it('lets anonymous visitors list no token: 401 UNAUTHENTICATED', async () => {
    const result = await graphql(api.url, '{ myApiTokens { id } }');
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
