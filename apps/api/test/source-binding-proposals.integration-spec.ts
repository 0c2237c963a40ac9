import path from 'node:path';
import { createTestIdentities, graphql, type TestIdentity, type TestIdentityName } from '@pilote/auth/testing';
import { loadReferential } from '@pilote/core';
import { sendJson, startSourceServer, type SourceServer } from '@pilote/module-sdk/testing';
import httpConnector from '@pilote/module-http-connector/server';
import { startTestKit, type TestKit } from '../src/testing';
import { until } from '../../../libs/workflow/test/until';

const referential = path.join(__dirname, '../../../libs/core/test/fixtures/referential-small');
const ENV = { PILOTE_JOBS_POLL_SECONDS: '0.5', PILOTE_JOBS_RETRY_DELAY_SECONDS: '1' };

/** Issue 18: a binding whose source the instance does not trust lands its runs as proposals for validation; nothing is published until approved. */
describe('runs of an untrusted source binding become proposals for validation', () => {
  let kit: TestKit;
  let who: Record<TestIdentityName, TestIdentity>;
  let server: SourceServer;
  let rows: Record<string, unknown>[] = [];
  const saved: Record<string, string | undefined> = {};
  const ask = (identity: TestIdentity, query: string, variables: Record<string, unknown> = {}) => graphql<Record<string, unknown>>(`${kit.url}/graphql`, query, variables, identity.headers);
  const db = () => kit.server.context.dataSource;
  const input = (overrides: Record<string, unknown> = {}) => ({
    id: 'structures', name: 'Structures ouvertes (API)', source: 'http-connector/json', settings: JSON.stringify({ url: `${server.url}/values` }),
    indicatorColumn: 'ind', territoryColumn: 'zone', dateColumn: 'date', kindColumn: 'type', valueColumn: 'valeur', kindCodes: JSON.stringify({ initiale: 'VI', actuelle: 'VA', cible: 'VC' }),
    schedule: null, trusted: false, ...overrides,
  });
  const measures = async () => ((await db().query(`SELECT count(*)::int AS n FROM measure WHERE state = 'published'`)) as { n: number }[])[0].n;
  const rate = async () => {
    const [row] = (await db().query(`SELECT global_rate FROM indicator_state WHERE indicator_id = 'I-SUM' AND territory_code = 'D13'`)) as { global_rate: number | null }[];
    return row?.global_rate === null || row?.global_rate === undefined ? null : Number(row.global_rate);
  };
  const items = async () => (await db().query(`SELECT id, state, payload, author_id, source FROM workflow_item WHERE source = 'connector' ORDER BY payload->>'date'`)) as { id: string; state: string; payload: { kind: string; date: string; value: number }; author_id: string | null; source: string }[];
  /** Runs the binding through the queue and waits for the run to finish (a `proposed` run also waits for its proposals). */
  const runNow = async (finished: number) => {
    expect((await ask(who.admin, 'mutation { runSourceBindingNow(bindingId: "structures") }')).errors).toBeUndefined();
    return until(`run ${finished} of the binding`, async () => {
      const runs = (await db().query(`SELECT id, status, values_changed FROM sync_run WHERE binding_id = 'structures' AND status <> 'running' ORDER BY started_at`)) as { id: string; status: string; values_changed: number }[];
      if (runs.length < finished) return null;
      const run = runs[finished - 1];
      if (run.status !== 'proposed') return run;
      const proposed = (await db().query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'workflow.sync-proposed' AND new->>'runId' = $1`, [run.id])) as { n: number }[];
      return proposed[0].n > 0 ? run : null;
    });
  };

  beforeAll(async () => {
    for (const [key, value] of Object.entries(ENV)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    kit = await startTestKit({ openDashboards: false, modules: [httpConnector] });
    await loadReferential(db(), referential, { levels: ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'] });
    who = await createTestIdentities(db().manager);
    server = await startSourceServer((_request, response) => sendJson(response, rows));
    rows = [
      { ind: 'I-SUM', zone: 'D13', date: '2020-12-31', type: 'initiale', valeur: 0 },
      { ind: 'I-SUM', zone: 'D13', date: '2024-12-31', type: 'actuelle', valeur: 12 },
      { ind: 'I-SUM', zone: 'D13', date: '2026-12-31', type: 'cible', valeur: 40 },
    ];
    expect((await ask(who.admin, 'mutation($input: SourceBindingInput!) { createSourceBinding(input: $input) { id } }', { input: input() })).errors).toBeUndefined();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await kit?.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  let rateBefore: number | null;
  let published: number;

  it('an untrusted run proposes its new values for validation and publishes nothing; reading the source again adds no duplicate', async () => {
    published = await measures();
    rateBefore = await rate();
    const run = await runNow(1);
    expect(run).toMatchObject({ status: 'proposed', values_changed: 3 });
    const proposals = await items();
    expect(proposals.map((item) => [item.state, item.payload, item.author_id])).toEqual([
      ['submitted', { kind: 'VI', date: '2020-12-31', value: 0 }, null],
      ['submitted', { kind: 'VA', date: '2024-12-31', value: 12 }, null],
      ['submitted', { kind: 'VC', date: '2026-12-31', value: 40 }, null],
    ]);
    expect(await measures()).toBe(published);
    expect(await rate()).toBe(rateBefore);
    expect(await runNow(2)).toMatchObject({ status: 'proposed' });
    expect(await items()).toHaveLength(3);
  });

  it('approved, the values and rates are those a trusted run gives: a trusted run afterwards finds nothing to change', async () => {
    for (const item of await items()) {
      const validated = await ask(who.admin, 'mutation($id: ID!) { validateWorkflowItem(id: $id) { state } }', { id: item.id });
      expect(validated.errors).toBeUndefined();
      const done = await ask(who.admin, 'mutation($id: ID!) { publishWorkflowItem(id: $id) { state } }', { id: item.id });
      expect(done.data?.publishWorkflowItem).toEqual({ state: 'published' });
    }
    const values = (await db().query(`SELECT kind, to_char(date, 'YYYY-MM-DD') AS date, value::float AS value FROM measure WHERE indicator_id = 'I-SUM' AND territory_code = 'D13' AND state = 'published' AND date IN ('2020-12-31', '2024-12-31', '2026-12-31') ORDER BY date`)) as unknown[];
    expect(values).toEqual([{ kind: 'VI', date: '2020-12-31', value: 0 }, { kind: 'VA', date: '2024-12-31', value: 12 }, { kind: 'VC', date: '2026-12-31', value: 40 }]);
    const approvedRate = await rate();
    // (12 − 0) / (40 − 0): the rate of the approved values.
    expect(approvedRate).toBeCloseTo(30, 5);
    expect(rateBefore).not.toBe(approvedRate);
    expect((await ask(who.admin, 'mutation($input: SourceBindingInput!) { updateSourceBinding(input: $input) { trusted } }', { input: input({ trusted: true }) })).errors).toBeUndefined();
    expect(await runNow(3)).toMatchObject({ status: 'unchanged', values_changed: 0 });
    expect(await rate()).toBe(approvedRate);
  });

  it('rejected, nothing is published', async () => {
    expect((await ask(who.admin, 'mutation($input: SourceBindingInput!) { updateSourceBinding(input: $input) { trusted } }', { input: input({ trusted: false }) })).errors).toBeUndefined();
    rows = [...rows, { ind: 'I-SUM', zone: 'D13', date: '2025-12-31', type: 'actuelle', valeur: 30 }];
    const count = await measures();
    const rateThen = await rate();
    expect(await runNow(4)).toMatchObject({ status: 'proposed', values_changed: 1 });
    const [proposal] = (await items()).filter((item) => item.state === 'submitted');
    expect(proposal.payload).toEqual({ kind: 'VA', date: '2025-12-31', value: 30 });
    const refused = await ask(who.admin, 'mutation($id: ID!) { refuseWorkflowItem(id: $id, reason: "Valeur à vérifier") { state } }', { id: proposal.id });
    expect(refused.data?.refuseWorkflowItem).toEqual({ state: 'refused' });
    expect(await measures()).toBe(count);
    expect(await rate()).toBe(rateThen);
    expect((await db().query(`SELECT count(*)::int AS n FROM measure WHERE indicator_id = 'I-SUM' AND date = '2025-12-31'`)) as unknown[]).toEqual([{ n: 0 }]);
  });
});
