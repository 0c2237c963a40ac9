import { startAuthTestApp } from '../testing/auth-test-app';
import { graphql } from '../testing/graphql-client';
import { createTestIdentities } from '../testing/identities';

describe('API token creation rate limit', () => {
  it('answers 429-like TOO_MANY_REQUESTS past the hourly limit, with the limit in the message', async () => {
    const api = await startAuthTestApp({ settings: () => ({ tokenCreationsPerHour: 3 }) });
    try {
      const who = await createTestIdentities(api.context.dataSource.manager); // each identity already has 1 token
      const create = () => graphql(api.url, 'mutation { createApiToken(name: "n", ttlDays: 1, scopes: ["read"]) { secret } }', {}, who.reader.sessionHeaders);
      expect((await create()).errors).toBeUndefined();
      expect((await create()).errors).toBeUndefined();
      const refused = await create();
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
      expect(refused.errors?.[0].message).toContain('limit 3');
      expect((await create()).errors?.[0].extensions?.reason).toBe('RATE_LIMITED');
      // Another user is not affected.
      expect((await graphql(api.url, 'mutation { createApiToken(name: "n", ttlDays: 1, scopes: ["read"]) { secret } }', {}, who.admin.sessionHeaders)).errors).toBeUndefined();
    } finally {
      await api.close();
    }
  });
});
