// Import throughput: a 1-million-row CSV in PILOTE's format (`identifiant_indic;zone_id;…`),
// published by `runImport` (stream → check → stage → append → refresh rates, one transaction),
// next to a raw PostgreSQL `COPY` of the same file into a scratch table of text columns. The
// import runs in a child process so that its peak RSS is its own. On PostgreSQL only
// (DATABASE_URL or BENCH_POSTGRES_URL; a fresh database, dropped at the end).
//
//   npm run bench -- import                      1 000 000 rows, 3 runs
//   npm run bench -- import --rows 200000 --runs 1
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { formatMegabytes, formatSeconds, median } = require('./stats.cjs');

const INDICATORS = 20;
const KINDS = ['vi', 'va', 'vc'];
const AS_OF = '2024-06-30';

/** 20 indicators × 101 départements × 3 kinds × monthly dates from 1990: unique rows. */
async function writeCsv(file, rows, departments) {
  const out = fs.createWriteStream(file);
  const write = (text) => (out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve)));
  await write('identifiant_indic;zone_id;zone_nom;date_valeur;type_valeur;valeur\n');
  const perDate = INDICATORS * departments.length * KINDS.length;
  let buffer = '';
  for (let i = 0; i < rows; i += 1) {
    const indicator = i % INDICATORS;
    const dept = departments[Math.floor(i / INDICATORS) % departments.length];
    const kind = KINDS[Math.floor(i / (INDICATORS * departments.length)) % 3];
    const month = Math.floor(i / perDate);
    const date = new Date(Date.UTC(1990, month + 1, 0)).toISOString().slice(0, 10);
    const value = ((i * 7919) % 100000) / 10;
    buffer += `BENCH-${String(indicator).padStart(2, '0')};${dept.code};${dept.name};${date};${kind};${String(value).replace('.', ',')}\n`;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise((resolve) => out.once('finish', resolve));
  fs.chmodSync(file, 0o644); // the PostgreSQL server (user postgres) reads it for COPY
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

function databaseUrl(adminUrl, database) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Child process: one publish of the file, printing the report's numbers and its peak RSS. */
async function child() {
  const [url, file, root] = process.argv.slice(3);
  require('reflect-metadata');
  const core = require(path.join(root, 'libs/core/dist'));
  const { runImport } = require(path.join(root, 'libs/import/dist'));
  const dataSource = core.createDataSource({ url, poolSize: 2 });
  await dataSource.initialize();
  const baselineRssKb = Math.round(process.memoryUsage().rss / 1024);
  const t0 = performance.now();
  const report = await runImport(dataSource, { file, dryRun: false, authorId: 'bench', levelOrder: ['NAT', 'REG', 'DEPT'], asOf: AS_OF });
  const wallMs = performance.now() - t0;
  await dataSource.destroy();
  process.stdout.write(JSON.stringify({ status: report.status, errors: report.errors.slice(0, 3), counts: report.counts, timings: report.timings, wallMs, baselineRssKb, maxRssKb: process.resourceUsage().maxRSS }));
}

async function prepareDatabase(root, url, tmp) {
  require('reflect-metadata');
  const core = require(path.join(root, 'libs/core/dist'));
  const dataSource = core.createDataSource({ url, poolSize: 2 });
  await dataSource.initialize();
  try {
    await core.runMigrations(dataSource);
    await dataSource.transaction((manager) => core.upsertTerritories(manager, core.buildFrenchTerritories(['NAT', 'REG', 'DEPT'])));
    referential(path.join(tmp, 'referential'));
    const loaded = await core.loadReferential(dataSource, path.join(tmp, 'referential'), { levels: ['NAT', 'REG', 'DEPT'] });
    if (!loaded.ok) throw new Error(`bench referential: ${JSON.stringify(loaded.problems)}`);
    return await dataSource.query(`SELECT code, name FROM territory WHERE level = 'DEPT' ORDER BY code`);
  } finally {
    await dataSource.destroy();
  }
}

module.exports = {
  id: 'import',
  title: 'Import throughput (1 million rows) vs PostgreSQL COPY',
  description: `
A generated CSV in PILOTE's import format (20 indicators × 101 départements × VI/VA/VC × monthly dates,
decimal commas) is published with \`runImport\` (libs/import): streamed read, Table Schema and
referential checks on every row, staging in a temporary table, duplicate and "already there" checks in
SQL, append to \`measure\`, then the refresh of every dependent rate (départements, régions by sum,
France) — all in one transaction, committed at the end. The import runs in a child process; its peak
RSS is \`process.resourceUsage().maxRSS\`. The database is emptied of measures and rates between runs.
**COPY** is \`COPY scratch FROM '<file>' (FORMAT csv, DELIMITER ';', HEADER)\` into a table of six text
columns on the same server: the floor of what PostgreSQL can ingest, with no parsing, no checks and no
rates. "Rates refresh" is the time from the values being written to every rate being recomputed, inside
the publish transaction. Source: \`tools/bench/import.bench.cjs\`.`,

  async run({ runs, root, options, log }) {
    const adminUrl = options.postgres ?? process.env.BENCH_POSTGRES_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const rows = Number(options.rows ?? process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pilote-bench-import-'));
    fs.chmodSync(tmp, 0o755);
    const database = `pilote_bench_import_${process.pid}_${Date.now().toString(36)}`;
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${database}"`));
    const url = databaseUrl(adminUrl, database);
    try {
      const departments = await prepareDatabase(root, url, tmp);
      const file = path.join(tmp, 'values.csv');
      await writeCsv(file, rows, departments);
      const bytes = fs.statSync(file).size;
      log(`${rows.toLocaleString('en')} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB`);
      const imports = [];
      const copies = [];
      for (let run = 1; run <= runs; run += 1) {
        await withClient(url, (client) => client.query('TRUNCATE measure, derived_measure, indicator_state, policy_state, import_batch'));
        const result = spawnSync(process.execPath, [__filename, 'child', url, file, root], { encoding: 'utf8', maxBuffer: 16 << 20 });
        if (result.status !== 0) throw new Error(`import child failed: ${result.stderr}`);
        const measured = JSON.parse(result.stdout);
        if (measured.status !== 'published' || measured.counts.written !== rows) throw new Error(`import did not publish every row: ${result.stdout.slice(0, 1000)}`);
        imports.push(measured);
        const copyMs = await withClient(url, async (client) => {
          await client.query('DROP TABLE IF EXISTS bench_copy');
          await client.query('CREATE TABLE bench_copy (identifiant_indic text, zone_id text, zone_nom text, date_valeur text, type_valeur text, valeur text)');
          const t0 = performance.now();
          await client.query(`COPY bench_copy FROM '${file}' WITH (FORMAT csv, DELIMITER ';', HEADER true)`);
          const ms = performance.now() - t0;
          const { rows: [{ n }] } = await client.query('SELECT count(*)::int AS n FROM bench_copy');
          if (n !== rows) throw new Error(`COPY loaded ${n} rows`);
          await client.query('DROP TABLE bench_copy');
          return ms;
        });
        copies.push(copyMs);
        log(`run ${run}: import ${(measured.wallMs / 1000).toFixed(1)} s (${Math.round(rows / (measured.wallMs / 1000)).toLocaleString('en')} rows/s, read+check+stage ${(measured.timings.readMs / 1000).toFixed(1)} s, write ${(measured.timings.writeMs / 1000).toFixed(1)} s, rates ${(measured.timings.refreshMs / 1000).toFixed(1)} s), peak RSS ${Math.round(measured.maxRssKb / 1024)} MB (${Math.round(measured.baselineRssKb / 1024)} MB before); COPY ${(copyMs / 1000).toFixed(1)} s`);
      }
      const { rows: [{ version }] } = await withClient(url, (client) => client.query('SHOW server_version').then((r) => ({ rows: [{ version: r.rows[0].server_version }] })));
      const rate = (ms) => Math.round(rows / (ms / 1000)).toLocaleString('en');
      const importMs = imports.map((m) => m.wallMs);
      const ratio = median(copies) / median(importMs);
      return [
        `PostgreSQL ${version.split(' ')[0]}; ${rows.toLocaleString('en')} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB; ${runs} run(s); median (min–max).`,
        '',
        '| | Time | Rows/s | Peak RSS (RSS before the import) |',
        '|---|---|---|---|',
        `| \`pilote import\` (publish, rates included) | ${formatSeconds(importMs)} | ${rate(median(importMs))} | ${formatMegabytes(imports.map((m) => m.maxRssKb))} (${formatMegabytes(imports.map((m) => m.baselineRssKb))}) |`,
        `| — read, check, stage | ${formatSeconds(imports.map((m) => m.timings.readMs))} | ${rate(median(imports.map((m) => m.timings.readMs)))} | |`,
        `| — append to \`measure\` (dedup vs. latest) | ${formatSeconds(imports.map((m) => m.timings.writeMs))} | | |`,
        `| — rates refresh (write → rates updated) | ${formatSeconds(imports.map((m) => m.timings.refreshMs))} | | |`,
        `| raw \`COPY\` into text columns | ${formatSeconds(copies)} | ${rate(median(copies))} | (server) |`,
        '',
        `Import throughput = **${(ratio * 100).toFixed(0)} % of COPY** (goal ≥ 30 %).`,
      ].join('\n');
    } finally {
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
