// National-scale data (issue 3): 200 policies, 2,000 indicators, every département monthly for
// four years, every commune yearly for a few indicators (≈10⁷ facts on PostgreSQL), then the home
// query under load (autocannon, 50 connections) side by side with a hand-written pg query, the
// time from writing one value to every dependent rate being current, and the API's memory.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const autocannon = require('autocannon');
const { freePort, waitForHealth, stopProcess } = require('../e2e/support/process.cjs');
const { generateNationalData } = require('./support/national-data.cjs');
const { startHandWrittenServer } = require('./support/hand-written-home.cjs');
const { measureValidateToFresh } = require('./support/validate-to-fresh.cjs');

const HOME_QUERY = `query($t: String!) { home(territoryCode: $t) { globalRate { value min median max } annualRate { value }
  weatherDistribution { level count } alertCounts { code count } map { code value }
  policies { policy { id name } globalRate { value date } annualRate { value } weather { level date } trend { direction delta } gapToMedian peers { min median max } alerts { code } } } }`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n, d = 0) => (n === undefined || n === null ? '–' : Number(n).toFixed(d));

const MAP_LEVELS = ['REG', 'DEPT'];

/** The first place two JSON answers differ (numbers to 1e-9), or null when they are the same. */
function firstDifference(a, b, where = 'data') {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) ? null : `${where}: ${a} ≠ ${b}`;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b ? null : `${where}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${where}: array ≠ object`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const difference = firstDifference(a[key], b[key], `${where}.${key}`);
    if (difference) return difference;
  }
  return null;
}

function writeInstance(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'pilote.config.json'), JSON.stringify({
    id: 'bench', name: 'Bench',
    territoryLevels: [
      { id: 'NAT', label: 'National' }, { id: 'REG', label: 'Région', hasMap: MAP_LEVELS.includes('REG') }, { id: 'DEPT', label: 'Département', hasMap: MAP_LEVELS.includes('DEPT') },
      { id: 'EPCI', label: 'EPCI' }, { id: 'COM', label: 'Commune' },
    ],
    data: { seed: 'none', directory: path.join(dir, 'data') },
  }));
}

async function load(url, body, connections, seconds, headers = {}) {
  const result = await autocannon({ url, method: 'POST', connections, duration: seconds, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { p50: result.latency.p50, p95: result.latency.p97_5 ?? result.latency.p99, rps: result.requests.average, errors: result.errors + result.non2xx };
}

/** The run with the median throughput (its latencies with it), and the range of throughputs. */
function medianLoad(loads) {
  const sorted = [...loads].sort((a, b) => a.rps - b.rps);
  return { ...sorted[Math.floor(sorted.length / 2)], min: sorted[0].rps, max: sorted.at(-1).rps, runs: loads.length };
}

async function sequentialLatency(url, body, n, headers = {}) {
  const times = [];
  for (let i = 0; i < n; i += 1) {
    const started = process.hrtime.bigint();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    await response.text();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(n * 0.5)], p95: times[Math.floor(n * 0.95)] };
}

/** One scenario: a database URL (server or embedded), a data scale. */
async function scenario({ root, label, databaseUrl, embeddedDir, scale, log, runs, reuse = false }) {
  require(path.join(root, 'tools/register-ts.cjs'));
  const core = require('@pilote/core');
  // Loaded up front: the run lasts long enough for sources to change under a late require.
  const auth = require('@pilote/auth');
  let embedded;
  let url = databaseUrl;
  if (embeddedDir) {
    embedded = await core.startEmbeddedPostgres(path.join(embeddedDir, 'pgdata'));
    url = embedded.url;
  }
  const ds = core.createDataSource({ url, poolSize: 4 });
  await ds.initialize();
  await core.runMigrations(ds);
  const levelOrder = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];
  const asOf = '2026-11-28';
  let facts;
  let computeSeconds;
  if (reuse) {
    // A database kept by an earlier --keep-db run: data and rates are already there.
    [{ count: facts }] = await ds.query(`SELECT count(*)::int AS count FROM measure`);
    log(`${label}: reusing ${facts.toLocaleString('en')} facts`);
  } else {
    await ds.transaction((m) => core.upsertTerritories(m, core.buildFrenchTerritories(['NAT', 'REG', 'DEPT', 'EPCI', 'COM'])));
    facts = await generateNationalData(ds, { ...scale, log });
    log(`${label}: ${facts.toLocaleString('en')} facts`);
    const indicators = await core.readIndicatorMeta(ds.manager);
    const computeStarted = Date.now();
    for (const [index, indicator] of indicators.entries()) {
      const entered = Object.entries(indicator.levels).find(([, s]) => s.VA === 'entered')[0];
      const codes = (await ds.query(`SELECT code FROM territory WHERE level = $1`, [entered])).map((r) => r.code);
      await ds.transaction((m) => core.refreshAfterWrite(m, codes.map((c) => ({ indicatorId: indicator.id, territoryCode: c })), { levelOrder, asOf }));
      if ((index + 1) % 200 === 0) log(`rates: ${index + 1}/${indicators.length} indicators`);
    }
    computeSeconds = (Date.now() - computeStarted) / 1000;
  }
  // A database in service is vacuumed by autovacuum; this one was just written in bulk, and test
  // servers often run with autovacuum off: without it, the rewritten state tables keep every dead row.
  await ds.query('VACUUM (ANALYZE)');

  // Write one value → every dependent rate current when the transaction returns.
  const writes = [];
  for (let i = 0; i < 10; i += 1) {
    const started = process.hrtime.bigint();
    await ds.transaction((m) => core.writeMeasures(m, [{ indicatorId: 'BI-00001', territoryCode: 'D13', kind: 'VA', date: '2026-10-31', value: 400 + i }], { provenance: 'user', levelOrder, asOf }));
    writes.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const [{ global_rate: fresh }] = await ds.query(`SELECT global_rate FROM indicator_state WHERE indicator_id = 'BI-00001' AND territory_code = 'FRANCE'`);
  // Dashboards need a signed-in reader: the load test sends a national reader's API token, as an
  // open-data client would (its lookup is part of every request's cost).
  const [user] = await ds.query(`INSERT INTO app_user (email, given_name, usual_name) VALUES ($1, 'Bench', 'Reader') RETURNING id`, [`bench-${Date.now().toString(36)}@pilote.invalid`]);
  await ds.query(`INSERT INTO assignment (user_id, role_id, scope_kind) VALUES ($1, 'reader', 'all')`, [user.id]);
  const { secret } = await auth.createApiToken(ds.manager, { userId: user.id, name: 'bench', ttlDays: 1, scopes: ['read'], actor: auth.SYSTEM_ACTOR });
  const authorization = `Bearer ${secret}`;
  // A national validator for "validate → rates updated" (write scope: proposes, validates, publishes).
  const [validator] = await ds.query(`INSERT INTO app_user (email, given_name, usual_name) VALUES ($1, 'Bench', 'Validator') RETURNING id`, [`bench-validator-${Date.now().toString(36)}@pilote.invalid`]);
  await ds.query(`INSERT INTO assignment (user_id, role_id, scope_kind) VALUES ($1, 'admin', 'all')`, [validator.id]);
  const validatorToken = (await auth.createApiToken(ds.manager, { userId: validator.id, name: 'bench-validator', ttlDays: 1, scopes: ['read', 'write'], actor: auth.SYSTEM_ACTOR })).secret;
  // Another user proposes: by default no one validates their own proposal (workflow.selfValidation).
  const [proposer] = await ds.query(`INSERT INTO app_user (email, given_name, usual_name) VALUES ($1, 'Bench', 'Proposer') RETURNING id`, [`bench-proposer-${Date.now().toString(36)}@pilote.invalid`]);
  await ds.query(`INSERT INTO assignment (user_id, role_id, scope_kind) VALUES ($1, 'admin', 'all')`, [proposer.id]);
  const proposerToken = (await auth.createApiToken(ds.manager, { userId: proposer.id, name: 'bench-proposer', ttlDays: 1, scopes: ['read', 'write'], actor: auth.SYSTEM_ACTOR })).secret;
  await ds.destroy();
  if (embedded) await embedded.close();

  // The API as users run it, in its own process.
  const instanceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilote-bench-instance-'));
  writeInstance(instanceDir);
  const port = await freePort();
  // autocannon is one client: the per-client GraphQL budget (issue 14) would answer 429.
  // One pool size for both servers, said to the API explicitly: the baseline gets the same connections (issue 17).
  const poolSize = Number(process.env.PILOTE_DATABASE_POOL_SIZE ?? core.DEFAULT_POOL_SIZE);
  const env = { ...process.env, PORT: String(port), PILOTE_AS_OF: asOf, NODE_ENV: 'production', PILOTE_GRAPHQL_BUDGET_PER_MINUTE: '0', PILOTE_DATABASE_POOL_SIZE: String(poolSize) };
  if (embeddedDir) {
    delete env.DATABASE_URL;
    env.PILOTE__DATA__DIRECTORY = embeddedDir;
  } else env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, [path.join(root, 'apps/cli/dist/main.js'), 'start', '--instance', instanceDir], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base, child, 120_000);
  const gql = (t) => ({ query: HOME_QUERY, variables: { t } });
  const headers = { authorization };
  const check = await (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(gql('FRANCE')) })).json();
  if (check.errors) throw new Error(`home query failed: ${JSON.stringify(check.errors)}`);
  const policies = check.data.home.policies.length;
  // The baseline runs in its own process, beside the API's; their load runs alternate (API, baseline, API, …) so that a
  // drift of the machine's speed weighs on both alike.
  const server = embeddedDir ? null : await startHandWrittenServer(databaseUrl, poolSize, { levelOrder, mapLevels: MAP_LEVELS, asOf });
  const api = {};
  const hand = {};
  const sameAnswer = {};
  for (const t of ['FRANCE', 'D13']) {
    if (server) {
      // The baseline must return the API's answer, or the comparison means nothing.
      const post = async (url, body, h = {}) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...h }, body: JSON.stringify(body) })).json();
      const apiAnswer = (await post(`${base}/graphql`, gql(t), headers)).data;
      const handAnswer = (await post(server.url, { territoryCode: t })).data;
      const difference = firstDifference(apiAnswer, handAnswer);
      sameAnswer[t] = difference === null;
      // A baseline that answers something else measures nothing: the run fails (issue 17).
      if (difference) {
        await server.close();
        await stopProcess(child, 'SIGINT', 30_000);
        throw new Error(`the hand-written answer differs from the API's at ${t}: ${difference}`);
      }
      await sequentialLatency(server.url, { territoryCode: t }, 5);
      hand[t] = { seq: await sequentialLatency(server.url, { territoryCode: t }, 40), loads: [] };
    }
    await sequentialLatency(`${base}/graphql`, gql(t), 5, headers);
    api[t] = { seq: await sequentialLatency(`${base}/graphql`, gql(t), 40, headers), loads: [] };
    for (let run = 0; run < runs; run += 1) {
      api[t].loads.push(await load(`${base}/graphql`, gql(t), 50, 10, headers));
      if (server) hand[t].loads.push(await load(server.url, { territoryCode: t }, 50, 10));
    }
    api[t].load = medianLoad(api[t].loads);
    if (server) hand[t].load = medianLoad(hand[t].loads);
    log(`${t}: API ${api[t].loads.map((l) => fmt(l.rps)).join(', ')} req/s; hand-written ${server ? hand[t].loads.map((l) => fmt(l.rps)).join(', ') : '–'} req/s`);
  }
  if (server) await server.close();
  const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024;
  const validation = await measureValidateToFresh({
    base, headers: { authorization: `Bearer ${validatorToken}` }, proposerHeaders: { authorization: `Bearer ${proposerToken}` }, databaseUrl: embeddedDir ? null : databaseUrl, runs: 10, date: '2026-10-31',
    indicatorId: 'BI-00001', policyId: 'BP-001', territoryCode: 'D13', dependents: ['D13', 'R93', 'FRANCE'],
  });
  await stopProcess(child, 'SIGINT', 30_000);
  fs.rmSync(instanceDir, { recursive: true, force: true });
  return { label, facts, policies, computeSeconds, writes, fresh, api, hand, sameAnswer, rss, validation, poolSize };
}

module.exports = {
  id: 'national-scale',
  title: 'National scale: home query, write-to-fresh, memory',
  description: `Generated data: policies × indicators with monthly values in every département since 2022 and yearly values in every commune for a few indicators, rates computed by the kit's incremental path, then \`VACUUM (ANALYZE)\` as autovacuum would do in service; then the home query (200 policies at FRANCE, or at D13) in the API process: sequential p50/p95 (40 requests) and autocannon with 50 connections for 10 s, \`--runs\` times (median), alternating with a hand-written \`pg\` query returning the same answer (checked field by field); the time for \`writeMeasures\` of one value at D13 to commit with every dependent rate (D13, R93, FRANCE, the policy) refreshed; the API's RSS after the load; "validate → rates updated" through the API (propose, then validate and publish over HTTP, the dependent states checked in the database). PGlite runs a tenth of the scale (its single-threaded engine would take hours to ingest 10⁷ rows). Options: \`--keep-db <name>\` keeps the generated PostgreSQL database, \`--reuse-db <name>\` measures a kept one again without generating it, \`--pglite no\` skips PGlite.`,
  async run({ root, log, options, runs }) {
    const serverUrl = options.database ?? process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    // --keep-db <name>: generate into that database and keep it; --reuse-db <name>: measure a kept
    // one again without generating (15 min at full scale) — for iterating on the query.
    const reuse = options['reuse-db'];
    const keep = options['keep-db'];
    for (const given of [reuse, keep]) {
      if (given !== undefined && !/^[a-z_][a-z0-9_]*$/.test(given)) throw new Error(`--keep-db / --reuse-db: "${given}" is not a plain database name (a-z, 0-9, _)`);
    }
    const name = reuse ?? keep ?? `pilote_bench_${Date.now().toString(36)}`;
    if (!reuse) {
      const admin = new Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
    }
    const dbUrl = new URL(serverUrl);
    dbUrl.pathname = `/${name}`;
    const results = [];
    // --scale smoke: a tiny run to check the benchmark itself works.
    const smoke = options.scale === 'smoke';
    const full = smoke ? { policies: 4, indicatorsPerPolicy: 3, months: 6, communeIndicators: 1 } : { policies: 200, indicatorsPerPolicy: 10, months: 47, communeIndicators: 4 };
    const tenth = smoke ? full : { policies: 20, indicatorsPerPolicy: 10, months: 47, communeIndicators: 1 };
    try {
      results.push(await scenario({ root, label: 'PostgreSQL 15', databaseUrl: dbUrl.toString(), scale: full, log, runs, reuse: Boolean(reuse) }));
    } finally {
      if (reuse || keep) log(`database ${name} kept (drop it with: DROP DATABASE ${name})`);
      else {
        const drop = new Client({ connectionString: serverUrl });
      await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await drop.end();
      }
    }
    if (options.pglite !== 'no') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilote-bench-pglite-'));
      try {
        results.push(await scenario({ root, label: smoke ? 'PGlite' : 'PGlite (1/10 scale)', embeddedDir: dir, scale: tenth, log, runs }));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    const lines = [
      '| database | facts | policies at home | rates computed in | write → fresh (median of 10) | API RSS after load |',
      '|---|---:|---:|---:|---:|---:|',
      ...results.map((r) => `| ${r.label} | ${r.facts.toLocaleString('en')} | ${r.policies} | ${r.computeSeconds === undefined ? 'reused database' : `${fmt(r.computeSeconds)} s`} | ${fmt(median(r.writes))} ms | ${fmt(r.rss)} MB |`),
      '',
      `| database | territory | API p50 / p95, sequential | API req/s at 50 conn., median of ${runs} (range; p50 / p97.5 latency) | hand-written p50 / p95, sequential | hand-written req/s at 50 conn. (range) | API / hand-written throughput (medians) |`,
      '|---|---|---:|---:|---:|---:|---:|',
    ];
    for (const r of results) {
      for (const t of Object.keys(r.api)) {
        const a = r.api[t];
        const h = r.hand[t];
        lines.push(
          `| ${r.label} | ${t} | ${fmt(a.seq.p50, 1)} / ${fmt(a.seq.p95, 1)} ms | ${fmt(a.load.rps)} (${fmt(a.load.min)}–${fmt(a.load.max)}; ${fmt(a.load.p50)} / ${fmt(a.load.p95)} ms${a.load.errors ? `, ${a.load.errors} errors` : ''}) | ` +
            `${h ? `${fmt(h.seq.p50, 1)} / ${fmt(h.seq.p95, 1)} ms` : '–'} | ${h ? `${fmt(h.load.rps)} (${fmt(h.load.min)}–${fmt(h.load.max)})` : '–'} | ${h ? `${fmt((100 * a.load.rps) / h.load.rps)} %` : '–'} |`,
        );
      }
    }
    lines.push(
      '',
      '"Validate → rates updated", through the API as a national validator does it (value proposed at D13, then `validateWorkflowItem` and `publishWorkflowItem` over HTTP; 10 runs, median (min–max)):',
      '',
      '| database | validate | publish (rates current when it returns) | validate + publish | D13, R93, FRANCE and the policy recomputed by each publish |',
      '|---|---:|---:|---:|---|',
      ...results.map((r) => {
        const v = r.validation;
        const range = (xs) => `${fmt(median(xs))} ms (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})`;
        return `| ${r.label} | ${range(v.validate)} | ${range(v.publish)} | ${range(v.total)} | ${v.allFresh === null ? 'not checked (the embedded database belongs to the API process)' : v.allFresh ? 'yes, every run' : 'NO'} |`;
      }),
    );
    for (const r of results) {
      const checked = Object.entries(r.sameAnswer ?? {});
      if (checked.length > 0) lines.push('', `${r.label}: the hand-written answer ${checked.every(([, same]) => same) ? 'equals' : 'DIFFERS from'} the API's at ${checked.map(([t]) => t).join(' and ')} (every field, numbers to 1e-9).`);
    }
    // Issue 17's goals, said in words for each territory compared with the fair baseline.
    for (const r of results) {
      for (const t of Object.keys(r.hand)) {
        const a = r.api[t];
        const share = (100 * a.load.rps) / r.hand[t].load.rps;
        lines.push(
          '',
          `${r.label}, ${t}: throughput ${fmt(share)} % of the hand-written baseline (goal ≥ 100 %: **${share >= 100 ? 'met' : 'not met'}**); ` +
            `sequential p95 ${fmt(a.seq.p95, 1)} ms (goal ≤ 30 ms: **${a.seq.p95 <= 30 ? 'met' : 'not met'}**).`,
        );
      }
    }
    lines.push('', `The hand-written baseline (tools/bench/support/hand-written-home.cjs) is plain \`pg\` and \`http\` in a process of its own, with the API's pool size (${results.map((r) => r.poolSize).filter(Boolean)[0] ?? '–'} connections): the territory's level, then one SQL statement returning the whole answer as JSON, plus the engine's rules in JavaScript as the API applies them (\`trendOf\`, alerts, overdue; no explanation strings). Its answer is compared with the API's field by field (numbers to 1e-9) before the load, and **a difference fails the run**. Its SQL is written independently of the kit's but with the same knowledge (level as a parameter, freshness per policy × periodicity × delay, the peers' statistics kept at write time in \`policy_peer_stats\`), so the ratio measures what the kit's stack adds (identity and rights, NestJS, Apollo, GraphQL execution, TypeORM) rather than a weaker query. Until 2026-12-04 the baseline ran inside the bench's process, sharing its event loop with autocannon's 50 connections, and built ~200 explanation strings per request (\`computeTrend\`) that the API no longer builds: ratios published before then (50 % at FRANCE) flattered the API. Before 2026-12-02 it also planned its freshness subquery badly (150 ms at FRANCE) (docs/adr/017-one-statement-per-read.md).`);
    lines.push('', 'Goals: issue 17 — throughput ≥ 100 % of the fair hand-written baseline at FRANCE and D13, p95 ≤ 30 ms sequential, no stale answer; issue 3 — home p95 ≤ 50 ms on PostgreSQL at 10⁷ facts, write-to-fresh ≤ 1 s. Issue 7 asks for the time from "validate" to rates updated.');
    return lines.join('\n');
  },
};
