// Concurrent publishes at the demo scale (issue 14, ADR 019): the demo instance is started cold on a
// new PostgreSQL database (BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres),
// then each run proposes and validates one value per (indicator, département) for two indicators
// of two policies at every département of two régions, and sends all the publish mutations at
// once. Reports each publish's latency (= write → fresh: the rates are refreshed in the publishing
// transaction), failures, and whether every stored rate equals a full recomputation afterwards.
//   npm run bench -- concurrent-publish [--runs 3]
const { spawn } = require('node:child_process');
const path = require('node:path');
const { Client } = require('pg');
const { freePort, waitForHealth, stopProcess } = require('../e2e/support/process.cjs');
const { median } = require('./stats.cjs');

const AS_OF = '2026-11-28';
const REGIONS = ['R84', 'R75'];
const INDICATORS = ['IND-001', 'IND-005'];
const PROPOSE = `mutation($inputs: [ValueProposalInput!]!) { proposeValues(inputs: $inputs) { id } }`;
const VALIDATE = `mutation($id: ID!) { validateWorkflowItem(id: $id) { id state } }`;
const PUBLISH = `mutation($id: ID!) { publishWorkflowItem(id: $id) { id state } }`;

async function adminQuery(url, sql) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function graphql(base, headers, query, variables) {
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return response.json();
}

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const ms = (value) => `${Math.round(value)} ms`;

module.exports = {
  id: 'concurrent-publish',
  title: 'Concurrent publishes: latency, write → fresh, exactness',
  description: `Many validated values published at the same moment across sibling départements (a campaign
deadline), through the API as validators do it. Measures each publish's latency, failures, and checks
afterwards that every stored rate equals a full recomputation (issue 14, ADR 019).`,
  async run({ runs, root, options, log }) {
    require(path.join(root, 'tools/register-ts.cjs'));
    const core = require('@pilote/core');
    const { compareWithRecomputation } = require('@pilote/core/testing');
    const auth = require('@pilote/auth');
    const adminUrl = options.postgres ?? process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const database = `pilote_bench_publish_${Date.now().toString(36)}`;
    await adminQuery(adminUrl, `CREATE DATABASE "${database}"`);
    const databaseUrl = withDatabase(adminUrl, database);
    const port = await freePort();
    // One client sends what a whole campaign's validators would: its GraphQL cost budget is lifted.
    const env = { ...process.env, PORT: String(port), PILOTE_AS_OF: AS_OF, DATABASE_URL: databaseUrl, PILOTE_GRAPHQL_BUDGET_PER_MINUTE: '1000000000' };
    delete env.NODE_ENV; // production refuses the demo instance
    const child = spawn(process.execPath, [path.join(root, 'apps/cli/dist/main.js'), 'start', '--instance', path.join(root, 'examples/demo')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const base = `http://127.0.0.1:${port}`;
    const ds = core.createDataSource({ url: databaseUrl, poolSize: 2 });
    try {
      await waitForHealth(base, child, 180_000);
      await ds.initialize();
      // One person proposes, another validates and publishes (an instance may refuse self-validation).
      const tokenFor = async (who) => {
        const [user] = await ds.query(`INSERT INTO app_user (email, given_name, usual_name) VALUES ($1, 'Bench', $2) RETURNING id`, [`bench-${who}@pilote.invalid`, who]);
        await ds.query(`INSERT INTO assignment (user_id, role_id, scope_kind) VALUES ($1, 'admin', 'all')`, [user.id]);
        const { secret } = await auth.createApiToken(ds.manager, { userId: user.id, name: `bench-${who}`, ttlDays: 1, scopes: ['read', 'write'], actor: auth.SYSTEM_ACTOR });
        return { authorization: `Bearer ${secret}` };
      };
      const proposer = await tokenFor('proposer');
      const headers = await tokenFor('publisher');
      const departments = (await ds.query(`SELECT code FROM territory WHERE parent_code = ANY($1::text[]) AND level = 'DEPT' ORDER BY code`, [REGIONS])).map((r) => r.code);
      const [{ facts }] = await ds.query(`SELECT count(*)::int AS facts FROM measure`);
      const levelOrder = core.computationLevelOrder(core.loadInstanceConfig(path.join(root, 'examples/demo')).config);

      // Contended: two indicators (two policies) at every sibling département. Spread: as many
      // publishes, one indicator of each of 24 policies at two départements (little lock waiting).
      const contended = INDICATORS.flatMap((indicatorId) => departments.map((territoryCode) => ({ indicatorId, territoryCode })));
      const perPolicy = await ds.query(
        `SELECT DISTINCT ON (policy_id) id FROM indicator WHERE level_settings -> 'DEPT' ->> 'VA' = 'entered' AND status <> 'archived' ORDER BY policy_id, id LIMIT $1`,
        [contended.length / 2],
      );
      const spread = perPolicy.flatMap(({ id }) => departments.slice(0, 2).map((territoryCode) => ({ indicatorId: id, territoryCode })));
      const prepare = async (targets, date, value) => {
        const inputs = targets.map(({ indicatorId, territoryCode }, i) => ({ indicatorId, territoryCode, kind: 'VA', date, value: value + i }));
        const proposed = await graphql(base, proposer, PROPOSE, { inputs });
        if (proposed.errors) throw new Error(JSON.stringify(proposed.errors));
        const ids = proposed.data.proposeValues.map((item) => item.id);
        for (const id of ids) {
          const validated = await graphql(base, headers, VALIDATE, { id });
          if (validated.errors) throw new Error(JSON.stringify(validated.errors));
        }
        return ids;
      };
      const publishOne = async (id) => {
        const started = process.hrtime.bigint();
        const answer = await graphql(base, headers, PUBLISH, { id });
        const ok = !answer.errors && answer.data?.publishWorkflowItem.state === 'published';
        if (!ok) log(`publish ${id} failed: ${JSON.stringify(answer.errors ?? answer).slice(0, 200)}`);
        return { ms: Number(process.hrtime.bigint() - started) / 1e6, ok };
      };

      // Alone: one publish at a time (the same values' shape), for comparison.
      const aloneIds = await prepare(contended, '2026-01-31', 500);
      const alone = [];
      for (const id of aloneIds.slice(0, 12)) alone.push((await publishOne(id)).ms);
      for (const id of aloneIds.slice(12)) await publishOne(id);

      const bursts = [];
      for (let run = 0; run < runs; run += 1) {
        // Alternated, so that a drift of the (shared) machine's speed weighs on both alike.
        for (const [label, targets] of [['2 policies', contended], [`${perPolicy.length} policies`, spread]]) {
          const ids = await prepare(targets, `2026-0${run + 2}-28`, 600 + 100 * run);
          const started = process.hrtime.bigint();
          const results = await Promise.all(ids.map(publishOne));
          const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
          const latencies = results.map((r) => r.ms);
          bursts.push({ run: run + 1, label, n: ids.length, failed: results.filter((r) => !r.ok).length, wallMs, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), max: Math.max(...latencies) });
          log(`burst ${run + 1} (${label}): ${ids.length} publishes in ${ms(wallMs)}, p95 ${ms(bursts.at(-1).p95)}, failed ${bursts.at(-1).failed}`);
        }
      }
      const comparison = await compareWithRecomputation(ds, { levelOrder, asOf: AS_OF });
      const differences = Object.values(comparison.differences).reduce((a, b) => a + b, 0);
      const compared = Object.values(comparison.compared).reduce((a, b) => a + b, 0);
      const rows = bursts.map((b) => `| ${b.run} | ${b.label} | ${b.n} | ${b.failed} | ${ms(b.wallMs)} | ${(b.n / (b.wallMs / 1000)).toFixed(1)} | ${ms(b.p50)} | ${ms(b.p95)} | ${ms(b.max)} |`);
      return [
        `Instance \`examples/demo\` started cold on a new PostgreSQL database (${facts.toLocaleString('en')} facts after the seed), one API process (pool of 20).`,
        `Each burst: ${contended.length} validated values published by as many simultaneous \`publishWorkflowItem\` mutations over HTTP:`,
        `"2 policies" — ${INDICATORS.join(', ')} at the ${departments.length} départements of ${REGIONS.join(' and ')} (publishes of one policy wait for each other, ADR 019);`,
        `"${perPolicy.length} policies" — one indicator of each of ${perPolicy.length} policies at two départements (almost no lock waiting): the same load without the locks' queue.`,
        'A publish returns after its transaction committed with every dependent rate (its département, région, FRANCE, the policy,',
        'the peers) refreshed, so its latency **is** its write → fresh.',
        '',
        `One publish alone (12 in a row): median ${ms(median(alone))}, max ${ms(Math.max(...alone))}.`,
        '',
        '| Run | Policies | Publishes | Failed | Wall time | Publishes/s | p50 (= write → fresh) | p95 | max |',
        '|---|---|---|---|---|---|---|---|---|',
        ...rows,
        '',
        `Median wall time of a burst: ${ms(median(bursts.filter((b) => b.label === '2 policies').map((b) => b.wallMs)))} with 2 policies, ${ms(median(bursts.filter((b) => b.label !== '2 policies').map((b) => b.wallMs)))} spread over ${perPolicy.length}:`,
        "the difference is what the locks' queue costs; the rest is the API's throughput for publishes on this machine.",
        '',
        `After the bursts, every stored aggregate, indicator state, policy rate and peer statistic compared with a full recomputation from the stored values: **${differences} difference(s)** of ${compared.toLocaleString('en')} rows.`,
        'Source: `tools/bench/concurrent-publish.bench.cjs`; correctness is asserted by `libs/workflow/src/items/concurrent-publish.integration-spec.ts`.',
      ].join('\n');
    } finally {
      await ds.destroy().catch(() => undefined);
      await stopProcess(child, 'SIGINT', 30_000);
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
    }
  },
};
