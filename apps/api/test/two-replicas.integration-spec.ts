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

  it('serves a module setting changed on one replica from the other at once', async () => {
    const [a, b] = replicas;
    const login = await fetch(`${a.url}/auth/demo-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'admin' }) });
    expect(login.status).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = (login.headers.getSetCookie?.() ?? []).map((line) => line.split(';')[0]).join('; ');
    const changed = await graphql(a.url, 'mutation { updateModuleSettings(moduleId: "help-centre", settings: { contextualArticles: 7 }) { id } }', { cookie, 'x-csrf-token': csrfToken, 'x-forwarded-for': '10.9.0.1' });
    expect(changed.body.errors).toBeUndefined();
    const read = await graphql(b.url, '{ instance { modules { id publicSettings } } }', { 'x-forwarded-for': '10.9.0.2' });
    const helpCentre = (read.body.data?.instance as { modules: { id: string; publicSettings: Record<string, unknown> }[] }).modules.find((module) => module.id === 'help-centre');
    expect(helpCentre?.publicSettings).toMatchObject({ contextualArticles: 7 });
  });
});
