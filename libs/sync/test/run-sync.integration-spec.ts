import path from 'node:path';
import { computationLevelOrder, loadReferential } from '@pilote/core';
import { createTestContext } from '@pilote/core/testing';
import { buildLoadedModules, type LoadedModule } from '@pilote/module-sdk/server';
import { sendJson, startSourceServer, type SourceServer } from '@pilote/module-sdk/testing';
import httpConnector from '@pilote/module-http-connector/server';
import type { DataSource } from 'typeorm';
import { DEFAULT_JOB_SETTINGS, jobQueueOf } from '@pilote/core';
import { listRuns, queueDueRuns, removeBinding, runSync, saveBinding, checkBinding, defineSyncJobs, SyncSetupError } from '../src';

const REFERENTIAL = path.join(__dirname, '../../import/test/fixtures/referential');
const AS_OF = '2024-06-30';

// What the source answers: two pages of records, as a ministry's API would.
let values: { indicateur: string; zone: string; date: string; type: string; valeur: number | string }[] = [];
const PAGE = 4;

const modules = buildLoadedModules([{ id: 'http-connector', version: '0.1.0', displayName: httpConnector.displayName, manifest: httpConnector, configSettings: {}, settings: {} } as LoadedModule]);

async function fingerprint(dataSource: DataSource): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of ['measure', 'derived_measure', 'indicator_state', 'policy_state']) {
    const [row] = (await dataSource.query(`SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') AS h FROM ${table} t`)) as { n: number; h: string }[];
    result[table] = `${row.n}:${row.h}`;
  }
  return result;
}

describe('source bindings: a JSON API → the import path → values and rates', () => {
  let context: Awaited<ReturnType<typeof createTestContext>>;
  let server: SourceServer;
  let failWith: number | null = null;

  const sync = (bindingId: string, dryRun = false) =>
    runSync(context.dataSource, modules, { bindingId, dryRun, trigger: 'cli', levelOrder: computationLevelOrder(context.instance.config), asOf: AS_OF, env: { SOURCE_TOKEN: 'tok' }, limits: { retries: 0, timeoutMs: 2_000 } });

  beforeAll(async () => {
    context = await createTestContext();
    const loaded = await loadReferential(context.dataSource, REFERENTIAL, { levels: context.instance.config.territoryLevels.map((l) => l.id) });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    server = await startSourceServer((request, response, url) => {
      if (request.headers.authorization !== 'Bearer tok') return sendJson(response, { detail: 'unauthorized' }, 401);
      if (failWith) return sendJson(response, { detail: 'down' }, failWith, { 'retry-after': '120' });
      const page = Number(url.searchParams.get('page') ?? 1);
      const rows = values.slice((page - 1) * PAGE, page * PAGE);
      return sendJson(response, { data: { items: rows }, links: { next: page * PAGE < values.length ? `/values?page=${page + 1}` : null } });
    });
    await saveBinding(context.dataSource.manager, modules, {
      id: 'logements', name: 'Logements (API du ministère)', source: 'http-connector/json', trusted: true, schedule: '0 6 * * *',
      settings: { url: `${server.url}/values?page=1`, headers: { Authorization: { secret: 'SOURCE_TOKEN', prefix: 'Bearer ' } }, rowsPath: 'data.items', pagination: { type: 'link', nextPath: 'links.next' } },
      mapping: { columns: { indicator: 'indicateur', territory: 'zone', date: 'date', kind: 'type', value: 'valeur' }, kinds: { initiale: 'VI', actuelle: 'VA', cible: 'VC' } },
    });
  });
  afterAll(async () => {
    await server?.close();
    await context?.dispose();
  });

  beforeEach(() => {
    failWith = null;
    values = [
      { indicateur: 'IND-A', zone: 'D29', date: '2022-12-31', type: 'initiale', valeur: 10 },
      { indicateur: 'IND-A', zone: 'D29', date: '2023-12-31', type: 'actuelle', valeur: 15.5 },
      { indicateur: 'IND-A', zone: 'D29', date: '2025-12-31', type: 'cible', valeur: 30 },
      { indicateur: 'IND-A', zone: 'D35', date: '2022-12-31', type: 'initiale', valeur: 20 },
      { indicateur: 'IND-A', zone: 'D35', date: '2023-12-31', type: 'actuelle', valeur: 22 },
      { indicateur: 'IND-A', zone: 'D35', date: '2025-12-31', type: 'cible', valeur: 40 },
    ];
  });

  it('checks a binding as a run will use it: every problem with its path', () => {
    const { problems } = checkBinding(modules, { id: 'Bad Id', name: 'x', source: 'http-connector/json', settings: {}, mapping: {} });
    expect(problems.map((p) => p.path)).toContain('id');
    const second = checkBinding(modules, { id: 'ok', name: 'x', source: 'http-connector/nope', settings: {}, mapping: { columns: { indicator: 'a', territory: 'b', date: 'c' } }, schedule: '0 25 * * *' });
    expect(second.problems.map((p) => p.path).sort()).toEqual(['mapping', 'schedule', 'source']);
    const third = checkBinding(modules, { id: 'ok', name: 'x', source: 'http-connector/json', settings: { url: 'ftp://x' }, mapping: { columns: { indicator: 'a', territory: 'b', date: 'c', kind: 'd', value: 'e' } } });
    expect(third.problems.map((p) => p.path)).toEqual(['settings.url']);
  });

  it('a dry run previews the rates and writes nothing', async () => {
    const before = await fingerprint(context.dataSource);
    const report = await sync('logements', true);
    expect(report).toMatchObject({ status: 'dry-run', rowsRead: 6, valuesAccepted: 6, valuesRefused: 0, valuesChanged: 6 });
    expect(report.ratesChanged).toBeGreaterThan(0);
    const d29 = report.import?.preview?.indicators.rows.find((row) => row.id === 'IND-A' && row.territoryCode === 'D29');
    expect(d29?.after.global).toBeCloseTo(27.5);
    expect(await fingerprint(context.dataSource)).toEqual(before);
  });

  it('publishes every page with provenance connector; rates follow; the run is recorded', async () => {
    const report = await sync('logements');
    expect(report).toMatchObject({ status: 'published', rowsRead: 6, valuesChanged: 6 });
    const measures = (await context.dataSource.query(`SELECT DISTINCT provenance, batch_id FROM measure WHERE indicator_id = 'IND-A'`)) as { provenance: string; batch_id: string }[];
    expect(measures).toEqual([{ provenance: 'connector', batch_id: report.import?.batchId }]);
    const [batch] = (await context.dataSource.query(`SELECT file_name FROM import_batch WHERE id = $1`, [report.import?.batchId])) as { file_name: string }[];
    expect(batch.file_name).toBe('binding:logements');
    const [state] = (await context.dataSource.query(`SELECT global_rate FROM indicator_state WHERE indicator_id = 'IND-A' AND territory_code = 'D29'`)) as { global_rate: number }[];
    expect(Number(state.global_rate)).toBeCloseTo(27.5);
    const [run] = await listRuns(context.dataSource, 'logements', 1);
    expect(run).toMatchObject({ id: report.runId, status: 'published', trigger: 'cli', rowsRead: 6, valuesAccepted: 6, valuesRefused: 0, valuesChanged: 6, batchId: report.import?.batchId });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('an unchanged source changes nothing', async () => {
    const before = await fingerprint(context.dataSource);
    const report = await sync('logements');
    expect(report).toMatchObject({ status: 'unchanged', valuesChanged: 0 });
    expect(await fingerprint(context.dataSource)).toEqual(before);
  });

  it('a changed value is written, the others are not', async () => {
    values[1].valeur = 18;
    const report = await sync('logements');
    expect(report).toMatchObject({ status: 'published', valuesChanged: 1 });
  });

  it('rows for an unknown territory or indicator: the run says what and where, nothing is written', async () => {
    const before = await fingerprint(context.dataSource);
    values[0].valeur = 11;
    values.push({ indicateur: 'IND-A', zone: 'D999', date: '2023-12-31', type: 'actuelle', valeur: 1 });
    values.push({ indicateur: 'IND-ZZ', zone: 'D29', date: '2023-12-31', type: 'actuelle', valeur: 1 });
    const report = await sync('logements');
    expect(report).toMatchObject({ status: 'invalid', valuesRefused: 2 });
    const [run] = await listRuns(context.dataSource, 'logements', 1);
    expect(run.issues.map((issue) => [issue.line, issue.column, issue.value])).toEqual([[8, 'zone', 'D999'], [9, 'indicateur', 'IND-ZZ']]);
    expect(await fingerprint(context.dataSource)).toEqual(before);
  });

  it('a schema change at the source (a mapped field gone) fails the run, naming the record and the field; nothing written', async () => {
    const before = await fingerprint(context.dataSource);
    values = values.map(({ valeur, ...rest }) => ({ ...rest, montant: valeur })) as unknown as typeof values;
    const report = await sync('logements');
    expect(report).toMatchObject({ status: 'failed', error: { code: 'SOURCE_SHAPE', retryable: false } });
    expect(report.error?.message).toBe('Record 1 has no field "valeur" that the binding\'s mapping reads (its fields: indicateur, zone, date, type, montant)');
    expect(await fingerprint(context.dataSource)).toEqual(before);
  });

  it('a failing source (500 with Retry-After, then 401) writes nothing and records why, retryable or not', async () => {
    const before = await fingerprint(context.dataSource);
    failWith = 503;
    const busy = await sync('logements');
    expect(busy).toMatchObject({ status: 'failed', error: { code: 'SOURCE_RATE_LIMITED', retryable: true, retryAfterSeconds: 120 } });
    const unauthorised = await runSync(context.dataSource, modules, { bindingId: 'logements', dryRun: false, trigger: 'manual', levelOrder: computationLevelOrder(context.instance.config), asOf: AS_OF, env: { SOURCE_TOKEN: 'wrong' }, limits: { retries: 0 } });
    expect(unauthorised).toMatchObject({ status: 'failed', error: { code: 'SOURCE_UNAUTHORIZED', retryable: false } });
    const missing = await runSync(context.dataSource, modules, { bindingId: 'logements', dryRun: false, trigger: 'manual', levelOrder: computationLevelOrder(context.instance.config), asOf: AS_OF, env: {}, limits: { retries: 0 } });
    expect(missing.error).toMatchObject({ code: 'SOURCE_SECRET_MISSING' });
    expect(missing.error?.message).toContain('SOURCE_TOKEN');
    const runs = await listRuns(context.dataSource, 'logements', 3);
    expect(runs.map((run) => [run.status, run.errorCode])).toEqual([['failed', 'SOURCE_SECRET_MISSING'], ['failed', 'SOURCE_UNAUTHORIZED'], ['failed', 'SOURCE_RATE_LIMITED']]);
    expect(await fingerprint(context.dataSource)).toEqual(before);
  });

  it('an untrusted binding only previews: nothing is published until it is trusted', async () => {
    await saveBinding(context.dataSource.manager, modules, {
      id: 'untrusted', name: 'Untrusted', source: 'http-connector/json', trusted: false,
      settings: { url: `${server.url}/values?page=1`, headers: { Authorization: { secret: 'SOURCE_TOKEN', prefix: 'Bearer ' } }, rowsPath: 'data.items', pagination: { type: 'link', nextPath: 'links.next' } },
      mapping: { columns: { indicator: 'indicateur', territory: 'zone', date: 'date', kind: 'type', value: 'valeur' }, kinds: { initiale: 'VI', actuelle: 'VA', cible: 'VC' } },
    });
    // D29's VI (12, published 10) and VA (15.5, published 18 by an earlier run) differ from what is published.
    values[0].valeur = 12;
    const before = await fingerprint(context.dataSource);
    const report = await sync('untrusted');
    expect(report).toMatchObject({ status: 'dry-run', dryRun: true, valuesChanged: 2 });
    expect(await fingerprint(context.dataSource)).toEqual(before);
  });

  it('on schedule: the tick queues each due binding once and moves its next time; the job runs it through the queue', async () => {
    const queue = jobQueueOf(context, { ...DEFAULT_JOB_SETTINGS, pollSeconds: 0.5, retryLimit: 0, worker: true });
    defineSyncJobs(context, modules, { levelOrder: computationLevelOrder(context.instance.config), asOf: () => AS_OF, env: { SOURCE_TOKEN: 'tok' } });
    await queue.start();
    try {
      values[2].valeur = 33;
      await context.dataSource.query(`UPDATE source_binding SET next_run_at = now() - interval '1 minute' WHERE id = 'logements'`);
      expect(await queueDueRuns(context, context.dataSource)).toEqual(['logements']);
      expect(await queueDueRuns(context, context.dataSource)).toEqual([]);
      const [binding] = (await context.dataSource.query(`SELECT next_run_at > now() AS later FROM source_binding WHERE id = 'logements'`)) as { later: boolean }[];
      expect(binding.later).toBe(true);
      let run: Awaited<ReturnType<typeof listRuns>>[number] | undefined;
      for (let i = 0; i < 60 && !(run && run.status !== 'running'); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        [run] = (await listRuns(context.dataSource, 'logements', 5)).filter((r) => r.trigger === 'schedule');
      }
      expect(run).toMatchObject({ trigger: 'schedule', status: 'published' });
      const [target] = (await context.dataSource.query(`SELECT value FROM measure WHERE indicator_id = 'IND-A' AND territory_code = 'D29' AND kind = 'VC' ORDER BY id DESC LIMIT 1`)) as { value: number }[];
      expect(Number(target.value)).toBe(33);
    } finally {
      await queue.stop();
    }
  });

  it('an archived binding (it ran, then was deleted) never runs again, from the CLI either: refused before reading the source, nothing written', async () => {
    await saveBinding(context.dataSource.manager, modules, {
      id: 'archived', name: 'Archived', source: 'http-connector/json', trusted: true,
      settings: { url: `${server.url}/values?page=1`, headers: { Authorization: { secret: 'SOURCE_TOKEN', prefix: 'Bearer ' } }, rowsPath: 'data.items', pagination: { type: 'link', nextPath: 'links.next' } },
      mapping: { columns: { indicator: 'indicateur', territory: 'zone', date: 'date', kind: 'type', value: 'valeur' }, kinds: { initiale: 'VI', actuelle: 'VA', cible: 'VC' } },
    });
    await sync('archived', true);
    expect(await removeBinding(context.dataSource.manager, 'archived')).toMatchObject({ outcome: 'archived' });
    values[1].valeur = 99;
    const before = await fingerprint(context.dataSource);
    const runsBefore = (await listRuns(context.dataSource, 'archived', 10)).length;
    await expect(sync('archived')).rejects.toThrow(SyncSetupError);
    await expect(sync('archived')).rejects.toThrow(/"archived" was archived on \d{4}-\d{2}-\d{2}/);
    expect(await fingerprint(context.dataSource)).toEqual(before);
    expect((await listRuns(context.dataSource, 'archived', 10)).length).toBe(runsBefore);
  });
});
