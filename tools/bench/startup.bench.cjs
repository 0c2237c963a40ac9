// Start-up time and memory of the kit: cold first start (empty database: migrations and first-start
// seed) and warm start (same database), each timed from process spawn to the first /health 200 and
// to the first answer of a GraphQL query; then the RSS of the API process once it answers.
// On the embedded PGlite and, when reachable, on PostgreSQL (a fresh database, dropped at the end).
//
//   npm run bench -- startup                                    default query `{ instance { id } }`
//   npm run bench -- startup --query '{ home(territoryCode: "FR") { globalRate { value } } }'
//   BENCH_QUERY=… BENCH_INSTANCE=examples/other BENCH_POSTGRES_URL=postgres://… npm run bench
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { freePort, sleep, stopProcess } = require('../e2e/support/process.cjs');
const { formatMegabytes, formatSeconds } = require('./stats.cjs');

// The query timed after /health. Replace it with the dashboard's home query once it exists.
const DEFAULT_QUERY = '{ instance { id } }';
const POLL_MS = 20;
const START_TIMEOUT_MS = 180_000;

/** Spawns the CLI and times it; resolves after the server has been stopped with SIGINT. */
async function timeOneStart({ root, instanceDir, env, query }) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'apps/cli/dist/main.js'), 'start', '--instance', instanceDir], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  let exited;
  child.once('exit', (code, signal) => (exited = `exit code ${code}, signal ${signal}`));
  const deadline = t0 + START_TIMEOUT_MS;
  const fail = async (message) => {
    await stopProcess(child, 'SIGKILL', 5_000);
    throw new Error(`${message}\n--- server output ---\n${output}`);
  };

  let healthMs;
  while (healthMs === undefined) {
    if (exited) return fail(`the server exited (${exited}) before /health answered`);
    if (performance.now() > deadline) return fail('/health did not answer in time');
    try {
      const response = await fetch(`${base}/health`);
      if (response.status === 200) healthMs = performance.now() - t0;
      await response.arrayBuffer();
    } catch {
      // not listening yet
    }
    if (healthMs === undefined) await sleep(POLL_MS);
  }

  let queryMs;
  while (queryMs === undefined) {
    if (exited) return fail(`the server exited (${exited}) before answering the GraphQL query`);
    if (performance.now() > deadline) return fail('the GraphQL query did not answer in time');
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok && body.data && !body.errors) queryMs = performance.now() - t0;
    else if (body.errors) return fail(`the GraphQL query failed: ${body.errors.map((error) => error.message).join('; ')}`);
    else await sleep(POLL_MS);
  }

  const rssKb = Number(/^VmRSS:\s*(\d+)\s*kB/m.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
  const stopped = await stopProcess(child, 'SIGINT', 30_000);
  if (stopped.code !== 0) throw new Error(`the server did not stop cleanly (exit ${stopped.code}, signal ${stopped.signal})\n${output}`);
  return { healthMs, queryMs, rssKb };
}

async function postgresAvailable(adminUrl) {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const { rows } = await client.query('SHOW server_version');
    return rows[0].server_version;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function adminQuery(adminUrl, sql) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function databaseUrl(adminUrl, database) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** One cold start on a fresh database, then (runs) warm starts on it; repeated `runs` times. */
async function measure({ kind, runs, root, instanceDir, query, baseEnv, adminUrl, log }) {
  const cold = [];
  const warm = [];
  for (let run = 1; run <= runs; run += 1) {
    const env = { ...baseEnv };
    let cleanup;
    if (kind === 'pglite') {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pilote-bench-'));
      env.PILOTE__DATA__DIRECTORY = path.join(tmp, 'data');
      delete env.DATABASE_URL;
      cleanup = async () => fs.rmSync(tmp, { recursive: true, force: true });
    } else {
      const database = `pilote_bench_${process.pid}_${Date.now().toString(36)}_${run}`;
      await adminQuery(adminUrl, `CREATE DATABASE "${database}"`);
      env.DATABASE_URL = databaseUrl(adminUrl, database);
      cleanup = () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    }
    try {
      const first = await timeOneStart({ root, instanceDir, env, query });
      cold.push(first);
      const second = await timeOneStart({ root, instanceDir, env, query });
      warm.push(second);
      log(`${kind} run ${run}: cold ${(first.healthMs / 1000).toFixed(2)} s / ${(first.queryMs / 1000).toFixed(2)} s, warm ${(second.healthMs / 1000).toFixed(2)} s / ${(second.queryMs / 1000).toFixed(2)} s, RSS ${Math.round(second.rssKb / 1024)} MB`);
    } finally {
      await cleanup();
    }
  }
  return { cold, warm };
}

function row(label, start, samples) {
  return `| ${label} | ${start} | ${formatSeconds(samples.map((s) => s.healthMs))} | ${formatSeconds(samples.map((s) => s.queryMs))} | ${formatMegabytes(samples.map((s) => s.rssKb))} |`;
}

module.exports = {
  id: 'startup',
  title: 'Start-up time and memory',
  description: `
Time from spawning \`node apps/cli/dist/main.js start\` to the first \`/health\` 200 and to the first
answer of a GraphQL query, polled every ${POLL_MS} ms; then the resident memory (VmRSS) of the API
process. **Cold**: empty database (PGlite: new data folder; PostgreSQL: new database), so the time
includes creating the cluster (PGlite), migrations and the first-start seed of the demo. **Warm**: the
same database again. Source: \`tools/bench/startup.bench.cjs\`.`,

  async run({ runs, root, options, log }) {
    const query = options.query ?? process.env.BENCH_QUERY ?? DEFAULT_QUERY;
    const instance = options.instance ?? process.env.BENCH_INSTANCE ?? 'examples/demo';
    const instanceDir = path.resolve(root, instance);
    const adminUrl = options.postgres ?? process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const baseEnv = { ...process.env };
    delete baseEnv.NODE_ENV; // production refuses the demo instance
    delete baseEnv.PILOTE_INSTANCE;

    const rows = [];
    const notes = [];
    const pglite = await measure({ kind: 'pglite', runs, root, instanceDir, query, baseEnv, log });
    rows.push(row('PGlite (embedded)', 'cold', pglite.cold), row('PGlite (embedded)', 'warm', pglite.warm));

    const serverVersion = await postgresAvailable(adminUrl);
    if (serverVersion) {
      const postgres = await measure({ kind: 'postgresql', runs, root, instanceDir, query, baseEnv, adminUrl, log });
      const label = `PostgreSQL ${serverVersion.split(' ')[0]}`;
      rows.push(row(label, 'cold', postgres.cold), row(label, 'warm', postgres.warm));
    } else {
      notes.push(`PostgreSQL was not reachable at ${adminUrl.replace(/\/\/([^:@/]+):[^@]+@/, '//$1:***@')}: not measured.`);
    }

    return [
      `Instance \`${path.relative(root, instanceDir)}\`, query \`${query}\`, ${runs} run(s) each; median (min–max).`,
      '',
      '| Database | Start | First `/health` 200 | First GraphQL answer | RSS after start |',
      '|---|---|---|---|---|',
      ...rows,
      ...(notes.length ? ['', ...notes] : []),
    ].join('\n');
  },
};
