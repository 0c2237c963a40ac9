import { createTestContext, testSettings } from '@pilote/core/testing';
import { startServer } from '../src/server';
import { startTestKit, type TestKit } from '../src/testing';

/** Runs `work` with these environment variables set, restoring them afterwards. */
async function withEnv<T>(vars: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  Object.assign(process.env, vars);
  try {
    return await work();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

describe('API hardening', () => {
  let kit: TestKit;
  beforeAll(async () => {
    kit = await withEnv({ PILOTE_RATE_LIMIT_AUTH: '5', PILOTE_RATE_LIMIT_IMPORTS: '2' }, () => startTestKit());
  });
  afterAll(() => kit?.close());

  it('sends security headers with the CSP the web app needs', async () => {
    const response = await fetch(`${kit.url}/health`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("font-src 'self' data:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests'); // plain http here
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('keeps CORS closed when CORS_ORIGINS is not set', async () => {
    const preflight = await fetch(`${kit.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${kit.url}/health`, { headers: { origin: 'https://evil.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 429 with a JSON message past the limit on /auth/* and on POST /api/v1/imports', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await fetch(`${kit.url}/auth/me`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await fetch(`${kit.url}/auth/me`);
    expect(await limited.json()).toMatchObject({ error: 'RATE_LIMITED', message: expect.stringContaining('at most 5 per 15 minutes') });
    const post = () => fetch(`${kit.url}/api/v1/imports?dryRun=true`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'x' });
    const imports = [(await post()).status, (await post()).status, (await post()).status];
    expect(imports.slice(0, 2)).not.toContain(429);
    expect(imports[2]).toBe(429);
    expect((await fetch(`${kit.url}/health`)).status).toBe(200); // other routes are not limited
  });
});

describe('API hardening: configured instance', () => {
  it('opens CORS to the listed origins only', async () => {
    const kit = await withEnv({ CORS_ORIGINS: 'https://app.example.gouv.fr, https://data.example.gouv.fr/' }, () => startTestKit());
    try {
      const allowed = await fetch(`${kit.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://data.example.gouv.fr', 'access-control-request-method': 'POST' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://data.example.gouv.fr');
      const other = await fetch(`${kit.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await kit.close();
    }
  });

  it('refuses a CORS_ORIGINS entry that is not an origin, saying which', async () => {
    await expect(withEnv({ CORS_ORIGINS: 'app.example.gouv.fr' }, () => startTestKit())).rejects.toThrow(/CORS_ORIGINS has "app.example.gouv.fr"/);
  });

  it('turns GraphQL introspection and GraphiQL off in production unless PILOTE_GRAPHQL_INTROSPECTION=true', async () => {
    const introspect = async (env: Record<string, string>) => {
      const context = await createTestContext();
      const server = await withEnv(env, () => startServer(testSettings(), { context: { ...context, settings: { ...context.settings, production: true } }, seed: false }));
      try {
        const body = (await (await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __schema { queryType { name } } }"}' })).json()) as { errors?: { message: string }[] };
        const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
        return { introspection: !body.errors, graphiql: (await page.text()).toLowerCase().includes('graphiql') };
      } finally {
        await server.close();
        await context.dispose();
      }
    };
    expect(await introspect({})).toEqual({ introspection: false, graphiql: false });
    expect(await introspect({ PILOTE_GRAPHQL_INTROSPECTION: 'true' })).toEqual({ introspection: true, graphiql: true });
  });
});
