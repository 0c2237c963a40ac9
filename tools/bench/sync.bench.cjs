// Sync throughput (issue 18): a local HTTP source of 1,000,000 records (JSON pages of 5,000, next
// page in `links.next`, as the http-connector's `json` source reads them) published by a source
// binding (`runSync`: records spooled to a file, then the import's path: checks, one transaction,
// rates), next to the same rows published by `pilote import` (`runImport` of the equivalent CSV).
// Each publish runs in its own child process (peak RSS is its own) on an emptied database.
// PostgreSQL only (DATABASE_URL or BENCH_POSTGRES_URL; a fresh database, dropped at the end).
//
//   npm run bench -- sync                      1 000 000 rows, 3 runs
//   npm run bench -- sync --rows 200000 --runs 1
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { formatMegabytes, formatSeconds, median } = require('./stats.cjs');

const INDICATORS = 20;
const KINDS = ['vi', 'va', 'vc'];
const AS_OF = '2024-06-30';
const PAGE = 5_000;
const MAPPING = { columns: { indicator: 'i', territory: 'z', date: 'd', kind: 'k', value: 'v' } };

/** Row i of the generated source: the same rows as the import benchmark (unique series points). */
function rowAt(i, departments) {
  const perDate = INDICATORS * departments.length * KINDS.length;
  return {
    i: `BENCH-${String(i % INDICATORS).padStart(2, '0')}`,
    z: departments[Math.floor(i / INDICATORS) % departments.length].code,
    d: new Date(Date.UTC(1990, Math.floor(i / perDate) + 1, 0)).toISOString().slice(0, 10),
    k: KINDS[Math.floor(i / (INDICATORS * departments.length)) % 3],
    v: ((i * 7919) % 100000) / 10,
  };
}

async function writeCsv(file, rows, departments) {
  const out = fs.createWriteStream(file);
  const write = (text) => (out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve)));
  await write('i;z;d;k;v\n');
  let buffer = '';
  for (let i = 0; i < rows; i += 1) {
    const r = rowAt(i, departments);
    buffer += `${r.i};${r.z};${r.d};${r.k};${r.v}\n`;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise((resolve) => out.once('finish', resolve));
}

/** The source: page p (1-based) holds records [(p−1)·PAGE, p·PAGE), generated on the fly. */
function startSource(rows, departments) {
  const server = http.createServer((request, response) => {
    const page = Number(new URL(request.url, 'http://x').searchParams.get('page') ?? 1);
    const from = (page - 1) * PAGE;
    const items = [];
    for (let i = from; i < Math.min(rows, from + PAGE); i += 1) items.push(rowAt(i, departments));
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ data: items, links: { next: from + PAGE < rows ? `/values?page=${page + 1}` : null } }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function referential(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'policies.yaml'), '- { id: BENCH, name: Benchmark, kind: other, status: published, levels: [NAT, REG, DEPT] }\n');
  const indicators = Array.from({ length: INDICATORS }, (_, i) =>
    `- id: BENCH-${String(i).padStart(2, '0')}\n  policy: BENCH\n  name: Indicateur ${i}\n  unit: nombre\n  direction: ${i % 2 ? 'falling' : 'rising'}\n  periodicity: monthly\n  levels:\n    NAT: { VI: aggregated, VA: aggregated, VC: aggregated, aggregation: sum }\n    REG: { VI: aggregated, VA: aggregated, VC: aggregated, aggregation: sum }\n    DEPT: { VI: entered, VA: entered, VC: entered }\n`,
  );
  fs.writeFileSync(path.join(dir, 'indicators.yaml'), indicators.join(''));
}

async function withClient(url, work) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const databaseUrl = (adminUrl, database) => Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();

async function emptyResults(client) {
  const { rows } = await client.query(`SELECT to_regclass('policy_peer_stats') IS NOT NULL AS peers`);
  await client.query(`TRUNCATE measure, derived_measure, indicator_state, policy_state, import_batch, sync_run${rows[0].peers ? ', policy_peer_stats' : ''}`);
}

/** Child process: one publish (`sync` of the binding, or `import` of the file), printing its numbers. */
async function child() {
  const [mode, url, target, root] = process.argv.slice(3);
  require('reflect-metadata');
  const core = require(path.join(root, 'libs/core/dist'));
  const dataSource = core.createDataSource({ url, poolSize: 2 });
  await dataSource.initialize();
  const baselineRssKb = Math.round(process.memoryUsage().rss / 1024);
  const t0 = performance.now();
  let report;
  if (mode === 'sync') {
    const { runSync } = require(path.join(root, 'libs/sync/dist'));
    const http = require(path.join(root, 'modules/http-connector/dist/server')).default;
    const modules = { modules: [{ id: 'http-connector', manifest: http, settings: {} }] };
    const sync = await runSync(dataSource, modules, { bindingId: target, dryRun: false, trigger: 'cli', levelOrder: ['NAT', 'REG', 'DEPT'], asOf: AS_OF });
    if (sync.error) throw new Error(`${sync.error.code}: ${sync.error.message}`);
    report = { ...sync.import, sourceMs: sync.sourceMs };
  } else {
    const { runImport } = require(path.join(root, 'libs/import/dist'));
    report = await runImport(dataSource, { file: target, dryRun: false, authorId: 'bench', levelOrder: ['NAT', 'REG', 'DEPT'], asOf: AS_OF, mapping: { id: 'bench', ...MAPPING, ignored: [] } });
  }
  const wallMs = performance.now() - t0;
  await dataSource.destroy();
  process.stdout.write(JSON.stringify({ sourceMs: report.sourceMs, status: report.status, errors: report.errors.slice(0, 3), written: report.counts.written, timings: report.timings, wallMs, baselineRssKb, maxRssKb: process.resourceUsage().maxRSS }));
}

function runChild(args) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [__filename, 'child', ...args]);
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk) => (out += chunk));
    proc.stderr.on('data', (chunk) => (err += chunk));
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child ${args[0]} failed: ${err}`))));
  });
}

module.exports = {
  id: 'sync',
  title: 'Sync throughput (1 million records from a local source) vs pilote import',
  description: `
A local HTTP server answers 1,000,000 records as JSON pages of 5,000 (next page in \`links.next\`), the
same rows as the import benchmark (20 indicators × 101 départements × VI/VA/VC × monthly dates). A
source binding on \`http-connector/json\` publishes them with \`runSync\` (libs/sync): records streamed
page by page into a spool file, then the import's path (checks, staging, append, rates, one
transaction). The baseline is \`runImport\` of the same rows as a CSV file already on disk. Each publish
runs in its own child process on an emptied database; peak RSS is \`process.resourceUsage().maxRSS\`.
Source: \`tools/bench/sync.bench.cjs\`.`,

  async run({ runs, root, options, log }) {
    const adminUrl = options.postgres ?? process.env.BENCH_POSTGRES_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const rows = Number(options.rows ?? process.env.BENCH_SYNC_ROWS ?? 1_000_000);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pilote-bench-sync-'));
    const database = `pilote_bench_sync_${process.pid}_${Date.now().toString(36)}`;
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${database}"`));
    const url = databaseUrl(adminUrl, database);
    let server;
    try {
      require('reflect-metadata');
      const core = require(path.join(root, 'libs/core/dist'));
      const { saveBinding } = require(path.join(root, 'libs/sync/dist'));
      const httpModule = require(path.join(root, 'modules/http-connector/dist/server')).default;
      const dataSource = core.createDataSource({ url, poolSize: 2 });
      await dataSource.initialize();
      let departments;
      try {
        await core.runMigrations(dataSource);
        await dataSource.transaction((manager) => core.upsertTerritories(manager, core.buildFrenchTerritories(['NAT', 'REG', 'DEPT'])));
        referential(path.join(tmp, 'referential'));
        const loaded = await core.loadReferential(dataSource, path.join(tmp, 'referential'), { levels: ['NAT', 'REG', 'DEPT'] });
        if (!loaded.ok) throw new Error(`bench referential: ${JSON.stringify(loaded.problems)}`);
        departments = await dataSource.query(`SELECT code, name FROM territory WHERE level = 'DEPT' ORDER BY code`);
        server = await startSource(rows, departments);
        await saveBinding(dataSource.manager, { modules: [{ id: 'http-connector', manifest: httpModule, settings: {} }] }, {
          id: 'bench', name: 'Bench', source: 'http-connector/json', trusted: true,
          settings: { url: `http://127.0.0.1:${server.address().port}/values?page=1`, rowsPath: 'data', pagination: { type: 'link', nextPath: 'links.next' } },
          mapping: MAPPING,
        });
      } finally {
        await dataSource.destroy();
      }
      const file = path.join(tmp, 'values.csv');
      await writeCsv(file, rows, departments);
      const syncs = [];
      const imports = [];
      for (let run = 1; run <= runs; run += 1) {
        await withClient(url, emptyResults);
        const synced = await runChild(['sync', url, 'bench', root]);
        if (synced.status !== 'published' || synced.written !== rows) throw new Error(`sync did not publish every row: ${JSON.stringify(synced).slice(0, 1000)}`);
        syncs.push(synced);
        await withClient(url, emptyResults);
        const imported = await runChild(['import', url, file, root]);
        if (imported.status !== 'published' || imported.written !== rows) throw new Error(`import did not publish every row: ${JSON.stringify(imported).slice(0, 1000)}`);
        imports.push(imported);
        log(`run ${run}: sync ${(synced.wallMs / 1000).toFixed(1)} s (source → spool ${(synced.sourceMs / 1000).toFixed(1)} s, import part ${(synced.timings.totalMs / 1000).toFixed(1)} s), peak RSS ${Math.round(synced.maxRssKb / 1024)} MB; import ${(imported.wallMs / 1000).toFixed(1)} s, peak RSS ${Math.round(imported.maxRssKb / 1024)} MB`);
      }
      const rate = (ms) => Math.round(rows / (ms / 1000)).toLocaleString('en');
      const syncMs = syncs.map((m) => m.wallMs);
      const importMs = imports.map((m) => m.wallMs);
      const ratio = ((median(importMs) / median(syncMs)) * 100).toFixed(0);
      return [
        `${rows.toLocaleString('en')} records in ${Math.ceil(rows / PAGE)} pages; ${runs} run(s); median (min–max).`,
        '',
        '| | Time | Rows/s | Peak RSS (RSS before) |',
        '|---|---|---|---|',
        `| \`pilote sync\`: source read → values and rates published | ${formatSeconds(syncMs)} | ${rate(median(syncMs))} | ${formatMegabytes(syncs.map((m) => m.maxRssKb))} (${formatMegabytes(syncs.map((m) => m.baselineRssKb))}) |`,
        `| — reading the source (HTTP, JSON) into the spool file | ${formatSeconds(syncs.map((m) => m.sourceMs))} | ${rate(median(syncs.map((m) => m.sourceMs)))} | |`,
        `| — the import of the spooled records | ${formatSeconds(syncs.map((m) => m.timings.totalMs))} | | |`,
        `| \`pilote import\` of the same rows (CSV on disk) | ${formatSeconds(importMs)} | ${rate(median(importMs))} | ${formatMegabytes(imports.map((m) => m.maxRssKb))} (${formatMegabytes(imports.map((m) => m.baselineRssKb))}) |`,
        '',
        `Sync throughput = **${ratio} % of \`pilote import\`** (issue 18's goal: ≥ 90 %). A sync is the same import plus reading the source (HTTP, JSON parsing, spool file): ` +
          `with equal import times it would be ${((median(syncs.map((m) => m.timings.totalMs)) / median(syncMs)) * 100).toFixed(0)} % (the import's share of the sync's time); on a loaded machine the two imports' times differ more than that.`,
      ].join('\n');
    } finally {
      server?.close();
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  },
};

if (require.main === module && process.argv[2] === 'child') {
  child().catch((error) => {
    console.error(error.stack);
    process.exitCode = 1;
  });
}
