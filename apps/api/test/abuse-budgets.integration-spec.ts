import { Readable } from 'node:stream';
import { request as httpRequest } from 'node:http';
import { createTestContext, testSettings } from '@pilote/core/testing';
import { startServer } from '../src/server';
import { startKitWithIdentities } from './kit-with-identities';
import type { TestIdentity, TestIdentityName } from '@pilote/auth/testing';
import type { TestKit } from '../src/testing';
import * as generatedDocuments from '../../web/src/api/generated/graphql';

// Every document the web sends, as it sends it (generated from the .graphql files under apps/web/src, ADR 044).
const webQueries: Record<string, string> = Object.fromEntries(
  Object.entries(generatedDocuments).filter(([name]) => name.endsWith('Document')).map(([name, document]) => [name, String(document)]),
);

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

type GraphqlBody = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

/** Posts a body of `bytes` bytes without a Content-Length (chunked): the cap must hold while reading. */
function postChunked(url: string, bytes: number, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const source = new Readable({
      read() {
        if (sent >= bytes) return this.push(null);
        sent += chunk.length;
        this.push(chunk);
      },
    });
    const req = httpRequest(url, { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } }, (res) => {
      let body = '';
      res.on('data', (part: Buffer) => (body += part.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may answer and close before the whole body is sent: that is the point.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    source.pipe(req);
  });
}

describe('abuse budgets', () => {
  let kit: TestKit;
  let who: Record<TestIdentityName, TestIdentity>;
  const importCap = process.env.PILOTE_IMPORT_MAX_BYTES;
  beforeAll(async () => {
    // Read at boot and at each upload: kept for the whole file.
    process.env.PILOTE_IMPORT_MAX_BYTES = String(10 * 1024 * 1024);
    ({ kit, who } = await withEnv({ PILOTE_RATE_LIMIT_IMPORTS: '2', PILOTE_GRAPHQL_BUDGET_PER_MINUTE: '8000' }, () => startKitWithIdentities()));
    await kit.server.context.dataSource.query(`UPDATE role SET permissions = permissions || '[{"action":"read","subject":"Dashboard"}]'::jsonb WHERE id = 'public'`);
  });
  afterAll(async () => {
    await kit?.close();
    if (importCap === undefined) delete process.env.PILOTE_IMPORT_MAX_BYTES;
    else process.env.PILOTE_IMPORT_MAX_BYTES = importCap;
  });

  const graphql = async (query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${kit.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    return { status: response.status, body: (await response.json()) as GraphqlBody };
  };

  it('refuses 1,500 aliases of a root field that runs SQL before running any of them', async () => {
    const aliases = Array.from({ length: 1500 }, (_, i) => `a${i}: home(territoryCode: "FRANCE") { mapLevel }`).join(' ');
    const { status, body } = await graphql(`{ ${aliases} }`);
    expect(body.data ?? null).toBeNull();
    // Each alias runs SQL: 1,000 each; `mapLevel`, a scalar already loaded, adds nothing.
    expect(body.errors?.[0]).toMatchObject({ message: 'Query is too complex: estimated cost 1500000, the limit is 5000. Ask for fewer fields, fewer aliases or smaller pages (first).', extensions: { code: 'QUERY_TOO_COMPLEX', cost: 1_500_000 } });
    expect(status).toBe(400);
  });

  it('lets every query of the web app through the cost limit', async () => {
    // The generated documents are read as strings: if none were, this test would check nothing.
    expect(Object.values(webQueries).filter((query) => query.trim().startsWith('query')).length).toBeGreaterThan(10);
    for (const [name, query] of Object.entries(webQueries)) {
      // Queries only: running the mutations would change the data of the next tests.
      if (typeof query !== 'string' || !query.trim().startsWith('query')) continue;
      // The territory picker and the map ask for pages of 500 territories.
      const variables = name === 'TERRITORIES_QUERY' || name === 'TerritoriesDocument' ? { level: 'DEPT', first: 500 } : {};
      const response = await fetch(`${kit.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...who.nationalSteering.headers }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as GraphqlBody;
      const tooComplex = (body.errors ?? []).filter((error) => error.extensions?.code === 'QUERY_TOO_COMPLEX');
      expect({ name, tooComplex }).toEqual({ name, tooComplex: [] });
    }
  });

  it('gives each client a cost budget over time, keyed by who it is: one client spending it does not stop another', async () => {
    // 4 root fields: under the per-request limit (5), half of this test's budget per minute (8).
    const heavy = `{ ${Array.from({ length: 4 }, (_, i) => `p${i}: policies { id }`).join(' ')} }`;
    const statuses: number[] = [];
    for (let i = 0; i < 10 && !statuses.includes(429); i += 1) statuses.push((await graphql(heavy, who.reader.headers)).status);
    expect(statuses).toContain(429);
    const limited = await graphql(heavy, who.reader.headers);
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' }, message: expect.stringContaining('per minute') });
    // The same user through "bearer" instead of "Bearer" is the same client.
    const sameUser = await graphql(heavy, { authorization: who.reader.headers.authorization.replace('Bearer', 'bearer') });
    expect(sameUser.status).toBe(429);
    // Another user, from the same IP, is served.
    const other = await graphql('{ policies { id } }', who.departmentalAgentD13.headers);
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
  });

  it('keys the import rate limit on the resolved identity, not on the header text', async () => {
    const token = who.nationalSteering.headers.authorization.replace(/^Bearer /, '');
    const post = (authorization: string) =>
      fetch(`${kit.url}/api/v1/imports?dryRun=true`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization }, body: 'x' }).then((r) => r.status);
    const statuses = [await post(`Bearer ${token}`), await post(`bearer ${token}`), await post(`BEARER   ${token}`)];
    expect(statuses.slice(0, 2)).not.toContain(429);
    expect(statuses[2]).toBe(429);
  });

  it('caps a raw import body before reading it, with or without a Content-Length (413, JSON)', async () => {
    const headers = { 'content-type': 'text/csv', ...who.departmentalCoordinatorD13.headers };
    const declared = await fetch(`${kit.url}/api/v1/imports/stream?dryRun=true`, { method: 'POST', headers, body: Buffer.alloc(11 * 1024 * 1024, 'a') });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('10 MB') });
    const chunked = await postChunked(`${kit.url}/api/v1/imports/proposals?dryRun=true`, 11 * 1024 * 1024, headers);
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toMatchObject({ error: 'PAYLOAD_TOO_LARGE' });
  });

  it('caps any other body at 1 MB whatever its content type', async () => {
    const big = `{"query":"{ policies { id } }","pad":"${'a'.repeat(2 * 1024 * 1024)}"}`;
    for (const type of ['application/json', 'text/plain', 'application/octet-stream']) {
      const response = await fetch(`${kit.url}/graphql`, { method: 'POST', headers: { 'content-type': type }, body: big });
      expect({ type, status: response.status }).toEqual({ type, status: 413 });
      expect(await response.json()).toMatchObject({ error: 'PAYLOAD_TOO_LARGE' });
    }
  });
});

describe('GraphQL in production', () => {
  it('does not suggest field names ("Did you mean …") in its errors', async () => {
    const context = await createTestContext();
    const server = await startServer(testSettings(), { context: { ...context, settings: { ...context.settings, production: true } }, seed: false });
    try {
      const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ polices { id } }"}' });
      const body = (await response.json()) as GraphqlBody;
      expect(body.errors?.[0].message).toMatch(/polices/);
      expect(body.errors?.map((e) => e.message).join(' ')).not.toMatch(/Did you mean/);
    } finally {
      await server.close();
      await context.dispose();
    }
  });
});
