// A simple query's latency while 4 clients send the most expensive GraphQL requests they can
// (issue 14). "Before": the same build with the cost limit and the budget turned off
// (PILOTE_GRAPHQL_MAX_COST=10^9, PILOTE_GRAPHQL_BUDGET_PER_MINUTE=0), the storm being the probe's
// request (1,500 aliases of `home` at FRANCE, which the old complexity rule let through). "After":
// the defaults, the storm being the costliest request they allow (5 aliases of `home` at FRANCE).
// Each client has its own address (X-Forwarded-For, PILOTE_TRUST_PROXY=loopback), as separate
// anonymous visitors would. Demo instance, on PGlite (a copy of examples/demo/.pilote) and on
// PostgreSQL when BENCH_POSTGRES_URL (or --postgres) names a server (a fresh database, dropped after).
//
//   npm run bench -- abuse [--seconds 60] [--postgres postgres://postgres@127.0.0.1:5432/postgres] [--scenarios before,after] [--pglite no]
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { freePort, sleep, waitForHealth, stopProcess } = require('../e2e/support/process.cjs');

const START_TIMEOUT_MS = 300_000;
const STORM_CLIENTS = 4;
const SIMPLE_PER_SECOND = 10;
const GOAL_P95_MS = 100;
const SIMPLE_QUERY = '{ policies { id name } }';
const PROBE_QUERY = `{ ${Array.from({ length: 1500 }, (_, i) => `a${i}: home(territoryCode: "FRANCE") { mapLevel }`).join(' ')} }`;
// 5 × 1,000 = 5,000: as many root fields as the default maximum allows (a scalar adds nothing).
const MAX_ALLOWED_QUERY = `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: home(territoryCode: "FRANCE") { mapLevel }`).join(' ')} }`;
// The same cost with 5 different territories each time, rotating over the régions and départements:
// identical reads share one computation and answers are cached (ADR 028), so this storm misses the cache.
const variedQuery = (codes) => {
  let next = 0;
  return () => `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: home(territoryCode: "${codes[(next++) % codes.length]}") { mapLevel }`).join(' ')} }`;
};

async function territoryCodes(base) {
  const codes = [];
  for (const level of ['REG', 'DEPT']) {
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.2.0.1' }, body: JSON.stringify({ query: `{ territories(level: "${level}", first: 200) { edges { node { code } } } }` }) });
    const body = await response.json();
    codes.push(...(body.data?.territories?.edges ?? []).map((edge) => edge.node.code));
  }
  if (codes.length < 20) throw new Error(`abuse: the demo should list its régions and départements, got ${codes.length} codes`);
  return codes;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : undefined;
}

const ms = (value) => (value === undefined ? 'n/a' : value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);

async function post(base, query, ip) {
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ query }) });
  const body = await response.json().catch(() => ({}));
  return { status: response.status, errors: body.errors };
}

/** Storm clients loop on `query` until `until`; a 5th client sends the simple query 10 times a second and times it. */
async function measure(base, query, seconds) {
  const until = Date.now() + seconds * 1000;
  const storm = { sent: 0, ok: 0, refused: 0, statuses: {} };
  const clients = Array.from({ length: STORM_CLIENTS }, async (_, i) => {
    while (Date.now() < until) {
      const answer = await post(base, typeof query === 'function' ? query() : query, `10.0.0.${i + 1}`).catch(() => ({ status: 0 }));
      storm.sent += 1;
      storm.statuses[answer.status] = (storm.statuses[answer.status] ?? 0) + 1;
      if (answer.status === 200 && !answer.errors) storm.ok += 1;
      else storm.refused += 1;
      if (answer.status === 429) await sleep(250); // a polite client would wait Retry-After; a storm retries soon
    }
  });
  const latencies = [];
  let simpleErrors = 0;
  const pending = [];
  for (let next = performance.now(); Date.now() < until; next += 1000 / SIMPLE_PER_SECOND) {
    await sleep(Math.max(0, next - performance.now()));
    pending.push(
      (async () => {
        const t0 = performance.now();
        // Each simple query is another visitor (its own address): the storm must not slow *them*.
        // A request that never gets an answer (fetch gives up after 300 s) counts with the time it waited.
        const visitor = pending.length;
        const answer = await post(base, SIMPLE_QUERY, `10.1.${visitor >> 8}.${visitor & 255}`).catch(() => ({ status: 0 }));
        latencies.push(performance.now() - t0);
        if (answer.status !== 200 || answer.errors) simpleErrors += 1;
      })(),
    );
  }
  await Promise.all(pending);
  await Promise.all(clients);
  return { latencies, simpleErrors, storm };
}

async function startKit(root, { dataDir, databaseUrl, env: extra }) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), PILOTE__DATA__DIRECTORY: dataDir, PILOTE_TRUST_PROXY: 'loopback', PILOTE_AS_OF: '2025-06-30', ...extra };
  delete env.NODE_ENV;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  let output = '';
  const child = spawn(process.execPath, [path.join(root, 'apps/cli/dist/main.js'), 'start', '--instance', path.join(root, 'examples/demo')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  await waitForHealth(base, child, START_TIMEOUT_MS).catch((error) => {
    throw new Error(`${error.message}\n--- server output ---\n${output}`);
  });
  return { base, stop: () => stopProcess(child, 'SIGINT', 30_000) };
}

module.exports = {
  id: 'abuse',
  title: 'Abuse: a simple query during a storm of costly queries',
  description: `
While ${STORM_CLIENTS} anonymous clients (each its own address) send the most expensive GraphQL
request they can, one after another, other visitors (each its own address) send \`${SIMPLE_QUERY}\`,
${SIMPLE_PER_SECOND} a second in all; its latency is measured over the run. **Before** (budgets off: \`PILOTE_GRAPHQL_MAX_COST=10^9\`,
\`PILOTE_GRAPHQL_BUDGET_PER_MINUTE=0\`, i.e. what the old complexity rule let through): the storm is
the probe's 1,500 aliases of \`home(territoryCode: "FRANCE")\`. **After** (defaults: 5,000 per
request, 20,000 per client per minute): the costliest request allowed, 5 aliases of \`home\` at
FRANCE (cost 5,000, the maximum); past its budget a client gets 429 and retries 250 ms later. Demo instance.
Goal (issue 14): simple query p95 ≤ ${GOAL_P95_MS} ms. Source: \`tools/bench/abuse.bench.cjs\`.`,

  async run({ root, options, log }) {
    const seconds = Number(options.seconds ?? process.env.BENCH_ABUSE_SECONDS ?? 60);
    const postgres = options.postgres ?? process.env.BENCH_POSTGRES_URL;
    const wanted = (options.scenarios ?? 'before,after,varied').split(',');
    const template = path.join(root, 'examples/demo/.pilote');
    if (!fs.existsSync(template)) throw new Error('examples/demo/.pilote is missing: run `npm ci` (it prepares the demo database) or `npm start` once');
    const targets = options.pglite === 'no' ? [] : [{ label: 'PGlite (embedded)' }];
    if (postgres) targets.push({ label: 'PostgreSQL', postgres });
    const scenarios = [
      { id: 'before', label: 'before: no cost limit, no budget; storm = 1,500 aliases', query: PROBE_QUERY, env: { PILOTE_GRAPHQL_MAX_COST: '1000000000', PILOTE_GRAPHQL_BUDGET_PER_MINUTE: '0' } },
      { id: 'after', label: 'after: defaults; storm = 5 aliases (cost 5,000)', query: MAX_ALLOWED_QUERY, env: {} },
      { id: 'varied', label: 'after: defaults; storm = 5 aliases at 5 different territories each time (cost 5,000, no cache hit)', query: 'varied', env: {} },
    ].filter((scenario) => wanted.includes(scenario.id));
    const rows = [];
    for (const target of targets) {
      // One database per target, shared by its scenarios (the storms only read).
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilote-bench-abuse-'));
      let databaseUrl;
      let dropDb;
      if (target.postgres) {
        const name = `pilote_bench_abuse_${process.pid}`;
        execFileSync('psql', [target.postgres, '-qc', `CREATE DATABASE ${name}`]);
        const url = new URL(target.postgres);
        url.pathname = `/${name}`;
        databaseUrl = url.toString();
        dropDb = () => execFileSync('psql', [target.postgres, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
      } else {
        fs.cpSync(template, dataDir, { recursive: true });
      }
      try {
        for (const scenario of scenarios) {
          log(`abuse: ${target.label}, ${scenario.label}: starting (${databaseUrl ? 'PostgreSQL, seeded at first start' : 'copy of the demo database'})`);
          const kit = await startKit(root, { dataDir, databaseUrl, env: scenario.env });
          try {
            // Quiet baseline first (same client, no storm), then the storm.
            const baseline = [];
            for (let i = 0; i < 30; i += 1) {
              const t0 = performance.now();
              await post(kit.base, SIMPLE_QUERY, '10.0.1.1');
              baseline.push(performance.now() - t0);
            }
            const query = scenario.query === 'varied' ? variedQuery(await territoryCodes(kit.base)) : scenario.query;
            const result = await measure(kit.base, query, seconds);
            const p50 = percentile(result.latencies, 50);
            const p95 = percentile(result.latencies, 95);
            const max = Math.max(...result.latencies);
            log(`abuse: ${target.label}, ${scenario.label}: simple p50 ${ms(p50)}, p95 ${ms(p95)}, max ${ms(max)}; storm ${result.storm.ok} served, ${result.storm.refused} refused (${JSON.stringify(result.storm.statuses)})`);
            rows.push(
              `| ${target.label} | ${scenario.label} | ${ms(percentile(baseline, 95))} | ${result.latencies.length} | ${ms(p50)} | **${ms(p95)}** | ${ms(max)} | ${result.simpleErrors} | ${result.storm.ok} / ${result.storm.refused} | ${p95 <= GOAL_P95_MS ? 'met' : '**missed**'} |`,
            );
          } finally {
            await kit.stop();
          }
        }
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
        dropDb?.();
      }
    }
    return [
      `${seconds} s of storm per row; the simple query is timed from the client (HTTP included).`,
      '',
      '| database | scenario | simple p95, quiet | simple queries timed | p50 | p95 | max | simple errors | storm requests served / refused | goal p95 ≤ 100 ms |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...rows,
    ].join('\n');
  },
};
