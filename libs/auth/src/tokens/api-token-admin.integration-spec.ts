import { SYSTEM_ACTOR } from '../audit/audit';
import { type AuthTestApp, startAuthTestApp } from '../testing/auth-test-app';
import { graphql } from '../testing/graphql-client';
import { createTestIdentities, type TestIdentity, type TestIdentityName } from '../testing/identities';
import { createApiToken } from './api-token.service';

// The administrators' view of every account's tokens (issue 21): listed with their owner, searched,
// revoked; refused to everyone else and to any API token (a token never carries `manage`).
const LIST = `query($search: String, $all: Boolean!) { apiTokens(search: $search, includeInactive: $all) { id name prefix ownerEmail scopes revokedAt lastUsedAt } }`;
const REVOKE = `mutation($id: ID!) { revokeAnyApiToken(id: $id) { id revokedAt } }`;

describe('API tokens of every account (administrators)', () => {
  let api: AuthTestApp;
  let ids: Record<TestIdentityName, TestIdentity>;
  let nightly: { id: string; prefix: string };

  beforeAll(async () => {
    api = await startAuthTestApp();
    ids = await createTestIdentities(api.context.dataSource.manager);
    const [{ id: userId }] = (await api.context.dataSource.query(`SELECT id FROM app_user WHERE email = 'coordinator.d13@test.gouv.fr'`)) as { id: string }[];
    nightly = (await api.context.dataSource.transaction((m) => createApiToken(m, { userId, name: 'Import nocturne', ttlDays: 30, scopes: ['import'], actor: SYSTEM_ACTOR }))).token;
  });
  afterAll(() => api?.close());

  it('lists every token with its owner, searched by e-mail, name or prefix, and never its secret', async () => {
    const admin = await graphql<{ apiTokens: { id: string; ownerEmail: string; name: string }[] }>(api.url, LIST, { all: false }, ids.admin.sessionHeaders);
    expect(admin.errors).toBeUndefined();
    // The test identities' own tokens are there too, with their owners.
    expect(admin.data!.apiTokens.map((t) => t.ownerEmail)).toEqual(expect.arrayContaining(['coordinator.d13@test.gouv.fr', 'agent.d13@test.gouv.fr']));
    for (const search of ['COORDINATOR.D13', 'nocturne', nightly.prefix.slice(0, 6)]) {
      const found = await graphql<{ apiTokens: { id: string }[] }>(api.url, LIST, { search, all: false }, ids.admin.sessionHeaders);
      expect(found.data!.apiTokens.map((t) => t.id)).toContain(nightly.id);
    }
    const none = await graphql<{ apiTokens: unknown[] }>(api.url, LIST, { search: 'nobody-at-all', all: false }, ids.admin.sessionHeaders);
    expect(none.data!.apiTokens).toEqual([]);
  });

  it('revokes any token at once, audited; the revoked token shows only when asked', async () => {
    const revoked = await graphql<{ revokeAnyApiToken: { id: string; revokedAt: string | null } }>(api.url, REVOKE, { id: nightly.id }, ids.admin.sessionHeaders);
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data!.revokeAnyApiToken.revokedAt).not.toBeNull();
    const active = await graphql<{ apiTokens: { id: string }[] }>(api.url, LIST, { search: 'nocturne', all: false }, ids.admin.sessionHeaders);
    expect(active.data!.apiTokens).toEqual([]);
    const all = await graphql<{ apiTokens: { id: string }[] }>(api.url, LIST, { search: 'nocturne', all: true }, ids.admin.sessionHeaders);
    expect(all.data!.apiTokens.map((t) => t.id)).toEqual([nightly.id]);
    const audit = (await api.context.dataSource.query(`SELECT action, actor_id FROM audit_log WHERE subject_id = $1 ORDER BY id`, [nightly.id])) as { action: string; actor_id: string }[];
    expect(audit.map((a) => a.action)).toEqual(['api-token.created', 'api-token.revoked']);
    expect(audit[1].actor_id).toBe(ids.admin.userId);
  });

  it('refuses everyone else, and an administrator calling with a token', async () => {
    for (const who of ['nationalSteering', 'departmentalCoordinatorD13', 'reader'] as const) {
      expect((await graphql(api.url, LIST, { all: true }, ids[who].headers)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await graphql(api.url, REVOKE, { id: nightly.id }, ids[who].headers)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await graphql(api.url, LIST, { all: true }, ids.admin.headers)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await graphql(api.url, LIST, { all: true })).errors?.[0].extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });
});
