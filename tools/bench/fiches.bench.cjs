// PDF fiches (issue 19, ADR 046): time per fiche conducteur printed by the server's headless
// Chromium (p50/p95 over several départements) and a batch job of every département of a policy
// (fiches/s, pages/s). Starts the built kit on the demo instance on a free port, signs in with the
// demo login (admin), and keeps its data folder between runs (BENCH_FICHES_DATA, default
// <tmp>/pilote-bench-fiches), so only the first run seeds.
//
//   npm run bench -- fiches --runs 3
const { spawn } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { freePort, waitForHealth, stopProcess } = require('../e2e/support/process.cjs');
const { median } = require('./stats.cjs');

const START_TIMEOUT_MS = 300_000;
const BATCH_TIMEOUT_MS = 30 * 60_000;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

module.exports = {
  id: 'fiches',
  title: 'PDF fiches (fiche conducteur, batch of every département)',
  description: `
The server prints the print page of a policy at a territory with its one shared headless Chromium
(Debian's, through playwright-core; PILOTE_FICHE_PAGES=2 pages at once) as the signed-in caller.
"One fiche" is \`GET /api/v1/fiches/policy/<id>.pdf?territory=<département>\` end to end, one after
the other (\`--runs\` × 10 départements, after one unmeasured fiche); "batch" is the \`fiches.batch\`
job started by \`startFicheBatch(level: "DEPT")\` and followed until done (one fiche after another).
`,
  async run({ runs, root, options, log }) {
    const instanceDir = path.resolve(root, options.instance ?? process.env.BENCH_INSTANCE ?? 'examples/demo');
    const dataDir = options.data ?? process.env.BENCH_FICHES_DATA ?? path.join(os.tmpdir(), 'pilote-bench-fiches');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { ...process.env, PORT: String(port), PILOTE__DATA__DIRECTORY: dataDir, PILOTE_GRAPHQL_BUDGET_PER_MINUTE: '0' };
    delete env.NODE_ENV;
    let output = '';
    log(`fiches: starting the kit on ${base} (data in ${dataDir}; the first start seeds the demo)`);
    const child = spawn(process.execPath, [path.join(root, 'apps/cli/dist/main.js'), 'start', '--instance', instanceDir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    try {
      await waitForHealth(base, child, START_TIMEOUT_MS).catch((error) => {
        throw new Error(`${error.message}\n--- server output ---\n${output}`);
      });
      const login = await fetch(`${base}/auth/demo-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'admin' }) });
      if (!login.ok) throw new Error(`demo login: HTTP ${login.status} ${await login.text()}`);
      const { csrfToken } = await login.json();
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
      const graphql = async (query, variables = {}) => {
        const response = await fetch(`${base}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
        const body = await response.json();
        if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
        return body.data;
      };
      const { policies } = await graphql('{ policies { id name levels } }');
      const policy = policies.find((p) => p.levels.includes('DEPT')) ?? policies[0];
      const { territories } = await graphql('query { territories(level: "DEPT", first: 200) { edges { node { code } } } }').catch(() => ({ territories: null }));
      const codes = territories?.edges?.map((e) => e.node.code) ?? ['D13'];
      const fiche = async (code) => {
        const started = performance.now();
        const response = await fetch(`${base}/api/v1/fiches/policy/${encodeURIComponent(policy.id)}.pdf?territory=${encodeURIComponent(code)}&lang=fr`, { headers: { cookie } });
        const pdf = Buffer.from(await response.arrayBuffer());
        if (response.status !== 200) throw new Error(`fiche ${code}: HTTP ${response.status} ${pdf.toString('utf8').slice(0, 300)}`);
        return { ms: performance.now() - started, pages: pages(pdf), bytes: pdf.length };
      };
      await fiche(codes[0]);
      const singles = [];
      for (let i = 0; i < runs * 10; i += 1) singles.push(await fiche(codes[i % codes.length]));
      const times = singles.map((s) => s.ms);
      log(`one fiche: p50 ${median(times).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms over ${times.length}`);

      const batchFields = 'id total done pages state failedCount lastError';
      const started = performance.now();
      const { startFicheBatch: batch } = await graphql(`mutation($p: ID!) { startFicheBatch(policyId: $p, level: "DEPT", lang: "fr") { ${batchFields} } }`, { p: policy.id });
      let status = batch;
      while (status.state !== 'done' && status.state !== 'failed' && performance.now() - started < BATCH_TIMEOUT_MS) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        status = (await graphql(`query($id: ID!) { ficheBatch(id: $id) { ${batchFields} } }`, { id: batch.id })).ficheBatch;
      }
      const seconds = (performance.now() - started) / 1000;
      log(`batch: ${status.done}/${status.total} fiches, ${status.pages} pages in ${seconds.toFixed(0)} s (${status.state})`);
      const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
      return [
        `Policy "${policy.name}" (${policy.id}); the demo has ${codes.length} départements.`,
        '',
        '| measure | value |',
        '|---|---|',
        `| one fiche, p50 (${times.length} fiches) | ${(median(times) / 1000).toFixed(2)} s |`,
        `| one fiche, p95 | ${(percentile(times, 95) / 1000).toFixed(2)} s |`,
        `| pages per fiche (median) | ${median(singles.map((s) => s.pages))} |`,
        `| PDF size (median) | ${Math.round(median(singles.map((s) => s.bytes)) / 1024)} kB |`,
        `| batch: fiches made / asked | ${status.done} / ${status.total} (${status.state}${status.failedCount ? `, ${status.failedCount} failed: ${status.lastError}` : ''}) |`,
        `| batch: wall time | ${seconds.toFixed(0)} s |`,
        `| batch: fiches/s | ${(status.done / seconds).toFixed(2)} |`,
        `| batch: pages/s | ${(status.pages / seconds).toFixed(2)} |`,
        '',
        `Load average (1 / 5 / 15 min) when the batch ended: ${load}. On a machine shared with other builds and tests these`,
        'are the figures of a loaded machine, not of a quiet one. A batch prints one fiche after another (its job is one',
        'handler); the second page of the pool serves the on-demand fiches meanwhile.',
      ].join('\n');
    } finally {
      await stopProcess(child, 'SIGTERM', 15_000);
    }
  },
};
