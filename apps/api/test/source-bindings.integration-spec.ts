import path from 'node:path';
import { createTestIdentities, graphql, type TestIdentity, type TestIdentityName } from '@pilote/auth/testing';
import { loadReferential } from '@pilote/core';
import { sendJson, startSourceServer, type SourceServer } from '@pilote/module-sdk/testing';
import httpConnector from '@pilote/module-http-connector/server';
import { saveBinding } from '@pilote/sync';
import { startTestKit, type TestKit } from '../src/testing';

const referential = path.join(__dirname, '../../../libs/core/test/fixtures/referential-small');

/** GraphQL for source bindings: declared rights (admin only), list with last run, preview, run now through the queue. */
describe('source bindings over GraphQL', () => {
  let kit: TestKit;
  let who: Record<TestIdentityName, TestIdentity>;
  let server: SourceServer;
  const ask = (identity: TestIdentity, query: string, variables: Record<string, unknown> = {}) => graphql<Record<string, unknown>>(`${kit.url}/graphql`, query, variables, identity.headers);

  beforeAll(async () => {
    kit = await startTestKit({ openDashboards: false, modules: [httpConnector] });
    await loadReferential(kit.server.context.dataSource, referential, { levels: ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'] });
    who = await createTestIdentities(kit.server.context.dataSource.manager);
    server = await startSourceServer((_request, response) => sendJson(response, [{ ind: 'IND-UNKNOWN', zone: 'D13', date: '2024-12-31', type: 'va', valeur: 5 }]));
    await saveBinding(kit.server.context.dataSource.manager, { modules: [{ id: 'http-connector', manifest: httpConnector, settings: {} }] } as never, {
      id: 'demo-source', name: 'Demo source', source: 'http-connector/json', trusted: true,
      settings: { url: `${server.url}/values` }, mapping: { columns: { indicator: 'ind', territory: 'zone', date: 'date', kind: 'type', value: 'valeur' } },
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await kit?.close();
  });

  it('refuses every identity but the administrator', async () => {
    for (const name of ['anonymous', 'reader', 'nationalSteering', 'regionalCoordinatorR84'] as const) {
      const result = await ask(who[name], '{ sourceBindings { id } }');
      expect(result.data).toBeFalsy();
      expect(result.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
      const run = await ask(who[name], 'mutation { runSourceBindingNow(bindingId: "demo-source") }');
      expect(run.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
  });

  it('the administrator previews a binding and sees the run, with the refused value and where', async () => {
    const preview = await ask(who.admin, 'mutation { previewSourceBinding(bindingId: "demo-source") { status dryRun rowsRead valuesRefused issues { code line column value } } }');
    expect(preview.errors).toBeUndefined();
    expect(preview.data?.previewSourceBinding).toEqual({ status: 'invalid', dryRun: true, rowsRead: 1, valuesRefused: 1, issues: [{ code: 'unknownIndicator', line: 2, column: 'ind', value: 'IND-UNKNOWN' }] });
    const list = await ask(who.admin, '{ sourceBindings { id source trusted sourceAvailable lastRun { status trigger } } }');
    expect(list.data?.sourceBindings).toEqual([{ id: 'demo-source', source: 'http-connector/json', trusted: true, sourceAvailable: true, lastRun: { status: 'invalid', trigger: 'manual' } }]);
    const missing = await ask(who.admin, 'mutation { runSourceBindingNow(bindingId: "nope") }');
    expect(missing.errors?.[0].message).toMatch(/No source binding "nope"/);
    expect(missing.errors?.[0].extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
  });

  it('run now queues a run that the job queue performs', async () => {
    const queued = await ask(who.admin, 'mutation { runSourceBindingNow(bindingId: "demo-source") }');
    expect(queued.data?.runSourceBindingNow).toBe(true);
    let runs: { trigger: string; status: string; dryRun: boolean }[] = [];
    for (let i = 0; i < 40 && !runs.some((run) => !run.dryRun && run.status !== 'running'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      runs = ((await ask(who.admin, '{ syncRuns(bindingId: "demo-source") { trigger status dryRun } }')).data?.syncRuns ?? []) as typeof runs;
    }
    expect(runs.find((run) => !run.dryRun)).toEqual({ trigger: 'manual', status: 'invalid', dryRun: false });
  });
});
