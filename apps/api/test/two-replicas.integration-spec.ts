import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseConnection } from '@pilote/core';
import { createTestDatabase } from '@pilote/core/testing';
import { type Replica, type RoundRobinProxy, roundRobinProxy, startReplica, stopReplica } from '../src/testing/replicas';

const template = JSON.parse(process.env.PILOTE_TEST_TEMPLATE ?? '{}') as { kind?: string };
// Replicas share a PostgreSQL server; the embedded database belongs to one process (its directory is locked).
const onPostgres = template.kind === 'postgresql' ? describe : describe.skip;

async function graphql(base: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] } };
}

/**
 * Issue 16: "the API is stateless: run several replicas". Two API processes on one PostgreSQL
 * behind a round-robin proxy, as a deployment runs them.
 */
onPostgres('two API replicas on one database', () => {
  let database: DatabaseConnection;
  let dataDir: string;
  let replicas: Replica[] = [];
  let proxy: RoundRobinProxy;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'pilote-replicas-'));
    // 2,000 cost units a minute: a burst of 5 `home` (5,000, the request maximum), then one every 30 s.
    const env = { DATABASE_URL: database.url, PILOTE__DATA__DIRECTORY: dataDir, PILOTE_GRAPHQL_BUDGET_PER_MINUTE: '2000', PILOTE_TRUST_PROXY: 'loopback', PILOTE_AS_OF: '2025-06-30' };
    // Started together on a new database: one migrates and seeds, the other waits (migration lock).
    replicas = await Promise.all([startReplica(env), startReplica(env)]);
    proxy = await roundRobinProxy(replicas);
  });

  afterAll(async () => {
    await proxy?.close();
    await Promise.all(replicas.map((replica) => stopReplica(replica)));
    await database?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts a client’s GraphQL budget across both replicas', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await graphql(proxy.url, '{ home(territoryCode: "FRANCE") { mapLevel } }', { 'x-forwarded-for': '10.9.0.9' })).status);
    // Both replicas answered: with a budget per process, all 8 would pass (5 on each).
    expect(new Set(proxy.served.slice(-8))).toEqual(new Set([0, 1]));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  });

  /** An administrator's session headers (sessions live in the database: valid on both replicas). */
  async function adminSession(base: string): Promise<Record<string, string>> {
    const login = await fetch(`${base}/auth/demo-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'admin' }) });
    expect(login.status).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = (login.headers.getSetCookie?.() ?? []).map((line) => line.split(';')[0]).join('; ');
    return { cookie, 'x-csrf-token': csrfToken, 'x-forwarded-for': '10.9.0.1' };
  }

  it('serves a module setting changed on one replica from the other at once', async () => {
    const [a, b] = replicas;
    const changed = await graphql(a.url, 'mutation { updateModuleSettings(moduleId: "help-centre", settings: { contextualArticles: 7 }) { id } }', await adminSession(a.url));
    expect(changed.body.errors).toBeUndefined();
    const read = await graphql(b.url, '{ instance { modules { id publicSettings } } }', { 'x-forwarded-for': '10.9.0.2' });
    const helpCentre = (read.body.data?.instance as { modules: { id: string; publicSettings: Record<string, unknown> }[] }).modules.find((module) => module.id === 'help-centre');
    expect(helpCentre?.publicSettings).toMatchObject({ contextualArticles: 7 });
  });

  it('applies a server-part setting changed on A to B within 2 s, without a restart: a connector’s limit (cached frames dropped) and the map’s geometry folder', async () => {
    const [a, b] = replicas;
    const admin = await adminSession(a.url);
    // Each poll from another client address, so the GraphQL budget of the first test does not answer 429.
    let client = 0;
    const from = () => ({ 'x-forwarded-for': `10.9.1.${(client += 1) % 250}` });
    const frame = () => graphql(b.url, '{ dataPanelFrame(panelId: "barometre-ind-046", territoryCode: "FRANCE") { rows } }', from());
    const geometryFiles = async () => {
      const response = await fetch(`${b.url}/api/v1/modules/map/geometry`, { headers: from() });
      return ((await response.json()) as { levels: { level: string; file: string }[] }).levels.map((level) => level.file);
    };
    // B has read the panel's file (its frame is now cached there) and knows where the geometry is.
    expect((await frame()).body.errors).toBeUndefined();
    expect(await geometryFiles()).toContain('data/geometry/dept.geojson');

    const change = (moduleId: string, settings: string) => graphql(a.url, `mutation { updateModuleSettings(moduleId: "${moduleId}", settings: ${settings}) { id restartNeeded } }`, admin);
    const started = Date.now();
    const limited = await change('csv-connector', '{ maxBytes: 1024 }');
    const moved = await change('map', '{ geometryFolder: "maps" }');
    expect([limited.body.errors, moved.body.errors]).toEqual([undefined, undefined]);
    let applied = false;
    let lastError: string | undefined;
    while (!applied && Date.now() - started < 5_000) {
      const answer = await frame();
      lastError = answer.body.errors?.[0]?.message;
      applied = /more than the 1024 allowed/.test(lastError ?? '') && (await geometryFiles()).includes('maps/dept.geojson');
      if (!applied) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const elapsed = Date.now() - started;
    expect({ applied, lastError }).toEqual({ applied: true, lastError: expect.stringMatching(/barometre-ind-046\.csv is \d+ bytes, more than the 1024 allowed/) });
    expect(elapsed).toBeLessThan(2_000);

    // Back to the instance file on A: B reads the file again.
    await graphql(a.url, 'mutation { resetModuleSettings(moduleId: "csv-connector") { id } }', admin);
    await graphql(a.url, 'mutation { resetModuleSettings(moduleId: "map") { id } }', admin);
    const back = Date.now();
    let restored = false;
    while (!restored && Date.now() - back < 5_000) {
      restored = (await frame()).body.errors === undefined && (await geometryFiles()).includes('data/geometry/dept.geojson');
      if (!restored) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(restored).toBe(true);
    expect(Date.now() - back).toBeLessThan(2_000);
  });
});
