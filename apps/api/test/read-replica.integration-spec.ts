import path from 'node:path';
import { Client } from 'pg';
import { createTestIdentities, type TestIdentity, type TestIdentityName } from '@pilote/auth/testing';
import { buildFrenchTerritories, currentWalLsn, loadReferential, openKitContext, readKitVersion, upsertTerritories, waitForReplay } from '@pilote/core';
import { startStreamingPair, type StreamingPair, TEST_LEVELS, testInstance, testSettings } from '@pilote/core/testing';
import { loadInstanceModules } from '../src/modules/load-instance-modules';
import { type RunningServer, startServer } from '../src/server';

const template = JSON.parse(process.env.PILOTE_TEST_TEMPLATE ?? '{}') as { kind?: string };
// The pair is a private PostgreSQL cluster started by the test: once, in the PostgreSQL pass (the embedded database has no replica).
const onPostgres = template.kind === 'postgresql' ? describe : describe.skip;
const referential = path.join(__dirname, '../../../libs/core/test/fixtures/referential-small');

/**
 * Issue 16, item 3 (ADR 034): dashboard reads on a real streaming replica (pg_basebackup of a
 * private primary), read-your-writes by LSN for the reader who just wrote, the primary when the
 * replica is behind or gone.
 */
onPostgres('dashboard reads on a streaming replica', () => {
  let pair: StreamingPair | { skipped: string };
  let server: RunningServer;
  let who: Record<TestIdentityName, TestIdentity>;
  let primary: Client;
  let replica: Client;
  let policyId: string;
  let formerName: string;

  const sql = (client: Client) => ({ query: async (text: string, params?: unknown[]) => (await client.query(text, params)).rows });

  async function ask(query: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
    return { status: response.status, body, source: response.headers.get('x-pilote-read-source'), lsn: response.headers.get('x-pilote-lsn'), cookies: response.headers.getSetCookie() };
  }
  const policyName = async (headers: Record<string, string> = {}) => {
    const answer = await ask(`{ policy(id: "${policyId}") { name } }`, headers);
    expect(answer.body.errors).toBeUndefined();
    return { name: (answer.body.data?.policy as { name: string }).name, source: answer.source, cookies: answer.cookies };
  };
  const caughtUp = async () => expect(await waitForReplay(sql(replica), await currentWalLsn(sql(primary)), 20_000)).not.toBeNull();

  beforeAll(async () => {
    pair = await startStreamingPair();
    if ('skipped' in pair) {
      console.warn(`Read replica tests skipped: ${pair.skipped}`);
      return;
    }
    const instance = testInstance();
    const settings = testSettings({ databaseUrl: pair.primaryUrl, replicaUrl: pair.replicaUrl, replicaMaxLagSeconds: 30 });
    const modules = loadInstanceModules(instance, { kitVersion: readKitVersion() });
    const context = await openKitContext(settings, { instance, moduleMigrations: modules.migrations, modules: modules.info() });
    server = await startServer(settings, { context, modules, seed: false });
    // What the tests' template database holds, on this private primary.
    await context.dataSource.transaction((manager) => upsertTerritories(manager, buildFrenchTerritories(TEST_LEVELS)));
    await loadReferential(context.dataSource, referential, { levels: TEST_LEVELS });
    who = await createTestIdentities(context.dataSource.manager);
    await context.dataSource.query(`UPDATE role SET permissions = permissions || '[{"action":"read","subject":"Dashboard"}]'::jsonb WHERE id = 'public'`);
    primary = new Client({ connectionString: pair.primaryUrl });
    replica = new Client({ connectionString: pair.replicaUrl });
    await Promise.all([primary.connect(), replica.connect()]);
    // The last test stops the standby under this connection.
    replica.on('error', () => undefined);
    const [first] = (await primary.query(`SELECT id, name FROM policy ORDER BY id LIMIT 1`)).rows as { id: string; name: string }[];
    [policyId, formerName] = [first.id, first.name];
    await caughtUp();
  }, 180_000);

  afterAll(async () => {
    await replica?.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
    await Promise.all([primary?.end(), replica?.end()].filter(Boolean));
    await server?.close();
    if (pair && !('skipped' in pair)) pair.stop();
  });

  it('serves a reader who wrote nothing from the replica, and says so on /health', async () => {
    if ('skipped' in pair) return;
    expect(await policyName()).toMatchObject({ name: formerName, source: 'replica' });
    const health = (await (await fetch(`${server.url}/health`)).json()) as { status: string; replica: Record<string, unknown> };
    expect(health.status).toBe('ok');
    expect(health.replica).toMatchObject({ reachable: true, standby: true, servesReads: true, skippedBecause: null });
  });

  it('sends the writer to the primary until the replica has replayed the write, then back to the replica', async () => {
    if ('skipped' in pair) return;
    // The standby stops replaying: whatever is written now is on the primary only.
    await replica.query('SELECT pg_wal_replay_pause()');
    await primary.query(`UPDATE policy SET name = 'Renamed while the replica waits' WHERE id = $1`, [policyId]);
    const write = await ask(`mutation { setNotificationPreferences(locale: "en") { locale } }`, who.departmentalAgentD13.headers);
    expect(write.body.errors).toBeUndefined();
    expect(write.lsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    expect(write.cookies.join(';')).toContain(`pilote_lsn=${encodeURIComponent(write.lsn!)}`);

    // With the write's position (cookie for browsers, header for API clients): the primary, the new name.
    expect(await policyName({ cookie: `pilote_lsn=${write.lsn}` })).toMatchObject({ name: 'Renamed while the replica waits', source: 'primary' });
    expect(await policyName({ 'x-pilote-lsn': write.lsn! })).toMatchObject({ name: 'Renamed while the replica waits', source: 'primary' });
    // Without it: the replica, which really is behind.
    expect(await policyName()).toMatchObject({ name: formerName, source: 'replica' });

    await replica.query('SELECT pg_wal_replay_resume()');
    await caughtUp();
    const after = await policyName({ cookie: `pilote_lsn=${write.lsn}` });
    expect(after).toMatchObject({ name: 'Renamed while the replica waits', source: 'replica' });
    // Caught up: the pin is dropped.
    expect(after.cookies.some((line) => /^pilote_lsn=;/.test(line) && /Expires=Thu, 01 Jan 1970/.test(line))).toBe(true);
  });

  it('a failed mutation pins nothing', async () => {
    if ('skipped' in pair) return;
    const refused = await ask(`mutation { setNotificationPreferences(locale: "en") { locale } }`);
    expect(refused.body.errors?.length).toBeGreaterThan(0);
    expect(refused.lsn).toBeNull();
    expect(refused.cookies.some((line) => line.startsWith('pilote_lsn='))).toBe(false);
  });

  it('reads from the primary when the replica is gone, without an error', async () => {
    if ('skipped' in pair) return;
    pair.stopReplica();
    const home = await ask(`{ policies { id name } }`);
    expect(home.status).toBe(200);
    expect(home.body.errors).toBeUndefined();
    expect(home.source).toBe('primary');
    const health = (await (await fetch(`${server.url}/health`)).json()) as { status: string; replica: Record<string, unknown> };
    expect(health.status).toBe('ok');
    expect(health.replica).toMatchObject({ reachable: false, servesReads: false });
    expect(String(health.replica.skippedBecause)).toMatch(/does not answer/);
  });
});
