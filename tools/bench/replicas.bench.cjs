// Issue 16's measurements: dashboard reads with 1 and 2 API processes and a streaming read replica
// (req/s and CPU per request, API and database), how long a writer would wait for the replica to
// show their write (and where their next read goes instead), and the outbox's e-mail delivery
// latency. A private primary and a pg_basebackup standby are started for it (as the tests do),
// with the demo instance seeded cold on the primary; a real SMTP server (smtp-server) takes the mail.
//   npm run bench -- replicas [--runs 3] [--seconds 10] [--writes 30]
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { freePort, waitForHealth, stopProcess } = require('../e2e/support/process.cjs');
const { median } = require('./stats.cjs');

const AS_OF = '2026-11-28';
const CONNECTIONS = 20;
const HOME = { query: `{ home(territoryCode: "FRANCE") { territory { code } globalRate { value min median max } policies { policy { id } globalRate { value } weather { level } trend { direction } gapToMedian } mapLevel map { code value } } }` };
const PROPOSE = `mutation($inputs: [ValueProposalInput!]!) { proposeValues(inputs: $inputs) { id } }`;

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const ms = (value) => (value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`);
const sleep = (msToWait) => new Promise((resolve) => setTimeout(resolve, msToWait));

function statFields(pid) {
  return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
}

/** CPU seconds (user + system) used so far by these processes. */
function cpuSeconds(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = statFields(pid);
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // ended: an API process is not expected to
    }
  }
  return ticks / 100;
}

/**
 * CPU seconds used so far by a PostgreSQL cluster: its postmaster, the children it has reaped
 * (cutime + cstime: backends whose connection closed keep counting) and the live children.
 */
function clusterCpuSeconds(directory) {
  const postmaster = Number(fs.readFileSync(path.join(directory, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const own = statFields(postmaster);
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = statFields(entry);
      if (Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // reaped meanwhile: now in the postmaster's cutime
    }
  }
  return ticks / 100;
}

async function graphql(base, headers, query, variables) {
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { body: await response.json(), lsn: response.headers.get('x-pilote-lsn'), source: response.headers.get('x-pilote-read-source') };
}

/** One API process from the sources (as the replica tests start them), on the pair's primary. */
async function startApi(root, env, log) {
  const port = await freePort();
  const childEnv = { ...process.env, ...env, PORT: String(port), PILOTE_AS_OF: AS_OF, PILOTE_GRAPHQL_BUDGET_PER_MINUTE: '1000000000' };
  delete childEnv.NODE_ENV; // production refuses the demo instance
  const child = spawn(process.execPath, ['-r', path.join(root, 'tools/register-ts.cjs'), path.join(root, 'apps/api/src/main.ts'), '--instance', path.join(root, 'examples/demo')], { cwd: root, env: childEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, 300_000);
  log(`API ${child.pid} on ${url} (${env.DATABASE_REPLICA_URL ? 'replica' : 'primary only'}, read cache ${env.PILOTE_READ_CACHE_ENTRIES === '0' ? 'off' : 'on'})`);
  return { url, child };
}

/** autocannon against each process at once (connections shared out); req/s summed, CPU per request by side. */
async function loadOf(apis, seconds, pids) {
  const before = { api: cpuSeconds(apis.map((a) => a.child.pid)), primary: pids.primary(), replica: pids.replica() };
  const results = await Promise.all(apis.map((api) => autocannon({ url: `${api.url}/graphql`, method: 'POST', connections: CONNECTIONS / apis.length, duration: seconds, headers: { 'content-type': 'application/json' }, body: JSON.stringify(HOME) })));
  const after = { api: cpuSeconds(apis.map((a) => a.child.pid)), primary: pids.primary(), replica: pids.replica() };
  const requests = results.reduce((sum, r) => sum + r.requests.total, 0);
  const perRequest = (side) => ((after[side] - before[side]) * 1000) / Math.max(1, requests);
  return {
    rps: results.reduce((sum, r) => sum + r.requests.average, 0),
    p95: Math.max(...results.map((r) => r.latency.p97_5 ?? r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
    api: perRequest('api'),
    primary: perRequest('primary'),
    replica: perRequest('replica'),
  };
}

module.exports = {
  id: 'replicas',
  title: 'Two API processes, a read replica, read-your-writes and the outbox',
  description: `Issue 16. A private PostgreSQL 15 primary and a hot standby (pg_basebackup, streaming), the demo
instance seeded on the primary, API processes started from the sources. **Throughput**: the home query at FRANCE
under autocannon (${CONNECTIONS} connections in all, shared out between the processes), for 1 process reading the
primary, 1 process reading the replica, 2 processes reading the replica — with the read cache off (every request
computes its answer: the database's work) and on (the kit's default) — with CPU per request of the API processes,
of the primary and of the replica (/proc). The answers of every configuration are compared with the first's
before the load, and a difference fails the run. **Read-your-writes**: value proposals over HTTP; for half of
them, how long the replica took to replay the write (polled every millisecond from the mutation's answer); for the
other half, where the writer's next dashboard read went and how long it took. **Outbox**: each proposal notifies
the territory's validator, whose e-mail goes through the job queue (default settings, poll every 2 s) to a real
SMTP server; latency from the mutation's answer to the e-mail's arrival.`,
  async run({ runs, root, options, log }) {
    require(path.join(root, 'tools/register-ts.cjs'));
    const core = require('@pilote/core');
    const { startStreamingPair } = require('@pilote/core/testing');
    const auth = require('@pilote/auth');
    const { startSmtpTestServer } = require(path.join(root, 'libs/workflow/test/smtp-test-server.ts'));
    const seconds = Number(options.seconds ?? 10);
    const writes = Number(options.writes ?? 30);

    const pair = await startStreamingPair();
    if ('skipped' in pair) return `Not measured on this machine: ${pair.skipped}.`;
    const smtp = await startSmtpTestServer();
    const apis = [];
    const ds = core.createDataSource({ url: pair.primaryUrl, poolSize: 2 });
    const replicaClient = new Client({ connectionString: pair.replicaUrl });
    const sql = (client) => ({ query: async (text, params) => (await client.query(text, params)).rows });
    try {
      const common = { DATABASE_URL: pair.primaryUrl, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'Bench <bench@pilote.invalid>', PUBLIC_URL: 'http://localhost' };
      const withReplica = { ...common, DATABASE_REPLICA_URL: pair.replicaUrl };
      // The first start migrates and seeds the demo; the others find it done.
      const primaryOnly = await startApi(root, { ...common, PILOTE_READ_CACHE_ENTRIES: '0' }, log);
      apis.push(primaryOnly);
      const [replicaA, replicaB, cachedA, cachedB] = await Promise.all([
        startApi(root, { ...withReplica, PILOTE_READ_CACHE_ENTRIES: '0' }, log),
        startApi(root, { ...withReplica, PILOTE_READ_CACHE_ENTRIES: '0' }, log),
        startApi(root, withReplica, log),
        startApi(root, withReplica, log),
      ]);
      apis.push(replicaA, replicaB, cachedA, cachedB);
      await ds.initialize();
      await replicaClient.connect();
      const caughtUp = async () => core.waitForReplay(sql(replicaClient), await core.currentWalLsn(ds.manager), 30_000);
      await caughtUp();
      const [{ facts }] = await ds.query(`SELECT count(*)::int AS facts FROM measure`);

      // Every configuration must give the same answer (the replica has replayed everything).
      const reference = JSON.stringify((await graphql(primaryOnly.url, {}, HOME.query)).body);
      if (reference.includes('"errors"')) throw new Error(`home answered an error: ${reference.slice(0, 300)}`);
      for (const api of apis.slice(1)) {
        const answer = await graphql(api.url, {}, HOME.query);
        if (JSON.stringify(answer.body) !== reference) throw new Error(`the home answer of ${api.url} differs from the primary's: the comparison would be unfair`);
      }

      const pids = { primary: () => clusterCpuSeconds(pair.primaryDirectory), replica: () => clusterCpuSeconds(pair.replicaDirectory) };
      const configurations = [
        ['1 process, reads on the primary, cache off', [primaryOnly]],
        ['1 process, reads on the replica, cache off', [replicaA]],
        ['2 processes, reads on the replica, cache off', [replicaA, replicaB]],
        ['1 process, reads on the replica, cache on (default)', [cachedA]],
        ['2 processes, reads on the replica, cache on (default)', [cachedA, cachedB]],
      ];
      const loads = new Map(configurations.map(([label]) => [label, []]));
      for (let run = 0; run < runs; run += 1) {
        // Alternated, so that a drift of the (shared) machine's speed weighs on every configuration alike.
        for (const [label, targets] of configurations) {
          const result = await loadOf(targets, seconds, pids);
          if (result.errors > 0) throw new Error(`${label}: ${result.errors} errors under load`);
          loads.get(label).push(result);
          log(`${label}: ${result.rps.toFixed(1)} req/s, p95 ${result.p95} ms`);
        }
      }

      // Read-your-writes and the outbox: one writer (national), one validator at D29 who gets the e-mails.
      const userWith = async (who, scope) => {
        const [user] = await ds.query(`INSERT INTO app_user (email, given_name, usual_name) VALUES ($1, 'Bench', $2) RETURNING id`, [`bench-${who}@pilote.invalid`, who]);
        await ds.query(`INSERT INTO assignment (user_id, role_id, scope_kind, scope_territory_code) VALUES ($1, 'admin', $2, $3)`, [user.id, scope ? 'territory' : 'all', scope ?? null]);
        const { secret } = await auth.createApiToken(ds.manager, { userId: user.id, name: `bench-${who}`, ttlDays: 1, scopes: ['read', 'write'], actor: auth.SYSTEM_ACTOR });
        return { authorization: `Bearer ${secret}` };
      };
      const writer = await userWith('writer', null);
      await userWith('validator-d29', 'D29');
      const [{ id: indicatorId }] = await ds.query(`SELECT id FROM indicator WHERE level_settings -> 'DEPT' ->> 'VA' = 'entered' AND status <> 'archived' ORDER BY id LIMIT 1`);
      const replayMs = [];
      const routed = [];
      const deliveryMs = [];
      let mailsPerWrite = null;
      for (let i = 0; i < writes; i += 1) {
        const mailsBefore = smtp.received.length;
        const date = new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
        const write = await graphql(replicaA.url, writer, PROPOSE, { inputs: [{ indicatorId, territoryCode: 'D29', kind: 'VA', date, value: 100 + i }] });
        const answered = performance.now();
        if (write.body.errors || !write.lsn) throw new Error(`proposal ${i} failed or carried no position: ${JSON.stringify(write.body).slice(0, 300)}`);
        if (i % 2 === 0) {
          const waited = await core.waitForReplay(sql(replicaClient), write.lsn, 10_000, 1);
          if (waited === null) throw new Error(`the replica did not replay write ${i} within 10 s`);
          replayMs.push(performance.now() - answered);
        } else {
          const started = performance.now();
          const read = await graphql(replicaA.url, { cookie: `pilote_lsn=${write.lsn}` }, HOME.query);
          routed.push({ source: read.source, ms: performance.now() - started });
        }
        // Its e-mail(s): learnt on the first write (waiting until nothing more comes), then awaited by count.
        const deadline = answered + 30_000;
        let arrived = null;
        for (;;) {
          if (smtp.received.length > mailsBefore && arrived === null) arrived = performance.now();
          const enough = mailsPerWrite === null ? arrived !== null && performance.now() - arrived > 5_000 : smtp.received.length >= mailsBefore + mailsPerWrite;
          if (enough || performance.now() > deadline) break;
          await sleep(5);
        }
        if (arrived === null) throw new Error(`no e-mail arrived within 30 s of proposal ${i}`);
        mailsPerWrite ??= smtp.received.length - mailsBefore;
        deliveryMs.push(arrived - answered);
      }
      const onPrimary = routed.filter((r) => r.source === 'primary').length;

      const row = (label) => {
        const results = loads.get(label);
        const mid = [...results].sort((a, b) => a.rps - b.rps)[Math.floor(results.length / 2)];
        const range = results.length > 1 ? ` (${Math.min(...results.map((r) => r.rps)).toFixed(0)}–${Math.max(...results.map((r) => r.rps)).toFixed(0)})` : '';
        return `| ${label} | ${mid.rps.toFixed(1)}${range} | ${mid.p95} ms | ${ms(mid.api)} | ${ms(mid.primary)} | ${ms(mid.replica)} |`;
      };
      return [
        `Demo instance (${facts.toLocaleString('en')} facts), a private primary and its streaming standby on this machine, ${runs} alternated run(s) of ${seconds} s per configuration (median, range of req/s).`,
        'Every configuration answered the same home as the primary alone before the load (checked).',
        '',
        '| home at FRANCE, 20 connections | req/s | p97.5 | API CPU / req | primary CPU / req | replica CPU / req |',
        '|---|---|---|---|---|---|',
        ...configurations.map(([label]) => row(label)),
        '',
        `**Read-your-writes** (${writes} value proposals through the API):`,
        '',
        '| | p50 | p95 | max |',
        '|---|---|---|---|',
        `| the replica shows the write, after the mutation's answer (${replayMs.length}) | ${ms(median(replayMs))} | ${ms(percentile(replayMs, 0.95))} | ${ms(Math.max(...replayMs))} |`,
        `| the writer's next home read (${routed.length}; ${onPrimary} on the primary, ${routed.length - onPrimary} on the replica) | ${ms(median(routed.map((r) => r.ms)))} | ${ms(percentile(routed.map((r) => r.ms), 0.95))} | ${ms(Math.max(...routed.map((r) => r.ms)))} |`,
        '',
        `A writer never waits for the replica: a read carrying a position the replica has not replayed goes to the primary (${onPrimary} of ${routed.length} here; the replica had usually replayed before the read arrived, the replay delay above). apps/api/test/read-replica.integration-spec.ts pauses the replay to check the routing itself.`,
        '',
        `**Outbox** (${deliveryMs.length} proposals, ${mailsPerWrite} e-mail each, job queue polled every 2 s by default): mutation answered → e-mail received p50 ${ms(median(deliveryMs))}, p95 ${ms(percentile(deliveryMs, 0.95))}, max ${ms(Math.max(...deliveryMs))}.`,
        '',
        `On 2 cores the second process cannot double the throughput: the API processes, both PostgreSQL servers and autocannon share them; CPU per request is what to compare. Load average when the measures ended: ${os.loadavg()[0].toFixed(1)}.`,
      ].join('\n');
    } finally {
      await Promise.all(apis.map((api) => stopProcess(api.child, 'SIGTERM', 20_000).catch(() => undefined)));
      await replicaClient.end().catch(() => undefined);
      if (ds.isInitialized) await ds.destroy();
      await smtp.close();
      pair.stop();
    }
  },
};
