// The dashboard in a real browser: JavaScript shipped for the home route (gzip), time to a usable
// home page in headless Chromium (Debian's) on the demo data, at the national level (map of the
// régions) and at a département (map of all 101 départements), plus the server time of the home
// query alone. Starts the built kit on a free port; its data folder is kept between runs
// (BENCH_DASHBOARD_DATA, default <tmp>/pilote-bench-dashboard) so only the first run seeds.
//
//   npm run bench -- dashboard --runs 5
//   npm run bench -- dashboard --data /tmp/web-demo-data
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { gzipSync } = require('node:zlib');
const { performance } = require('node:perf_hooks');
const { freePort, waitForHealth, stopProcess } = require('../e2e/support/process.cjs');
const { formatSeconds, median } = require('./stats.cjs');

const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const START_TIMEOUT_MS = 240_000;
const BUDGET_KB = 300;
// Issue 17's goals: the whole first visit (JS, CSS, fonts, data) ≤ 300 KB on the wire, usable ≤ 1.0 s, ≤ 300 MB RSS.
const GOAL_S = 1.0;
const RSS_GOAL_MB = 300;

const HOME_QUERY = `query($code: String!) { home(territoryCode: $code) {
  territory { code } globalRate { value min median max } policies { policy { id } globalRate { value } weather { level } trend { direction } gapToMedian }
  mapLevel map { code value } } }`;

/** Gzip size of the JS the home route needs before it renders, from vite's manifest. */
function staticRouteJs(root) {
  const dist = path.join(root, 'apps/web/dist');
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
  const seen = new Set();
  const walk = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) walk(dep);
  };
  walk(Object.keys(manifest).find((key) => manifest[key].isEntry));
  walk(Object.keys(manifest).find((key) => key.endsWith('/HomePage.tsx')));
  let bytes = 0;
  for (const key of seen) if (manifest[key].file.endsWith('.js')) bytes += gzipSync(fs.readFileSync(path.join(dist, manifest[key].file))).length;
  return bytes;
}

/** Resident memory of a process, in MB (Linux). */
function rssMb(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
}

/** What a resource counts as in the transfer table. */
function kindOf(type, url) {
  if (type === 'Script') return 'js';
  if (type === 'Stylesheet') return 'css';
  if (type === 'Font') return 'fonts';
  if (type === 'Document') return 'html';
  if (type === 'Fetch' || type === 'XHR' || /\/graphql|\/api\//.test(url)) return 'data';
  return 'other';
}

/**
 * Bytes on the wire per kind of resource, as Chromium counts them (`encodedDataLength`: headers and
 * the body as sent, compressed or not), and the encodings the server chose.
 */
async function watchTransfer(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const requests = new Map();
  const bytes = { html: 0, js: 0, css: 0, fonts: 0, data: 0, other: 0 };
  const encodings = {};
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
    const encoding = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'content-encoding')?.[1] ?? 'none';
    requests.set(requestId, kindOf(type, response.url));
    const kind = kindOf(type, response.url);
    encodings[`${kind} ${encoding}`] = (encodings[`${kind} ${encoding}`] ?? 0) + 1;
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const kind = requests.get(requestId) ?? 'other';
    bytes[kind] += encodedDataLength;
  });
  return { bytes, encodings };
}

/** Opens a page in a fresh context; resolves to the time until the policy table and the map are shown. */
async function timeHome(browser, base, pathname) {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const transfer = await watchTransfer(context, page);
  const js = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) js.push(response.body().then((body) => gzipSync(body).length, () => 0));
  });
  const t0 = performance.now();
  await page.goto(`${base}${pathname}`, { waitUntil: 'commit' });
  await page.waitForSelector('main table tbody tr', { timeout: 60_000 });
  const usableMs = performance.now() - t0;
  // Runs in the page: `document` is the browser's.
  await page.waitForFunction(() => globalThis.document.querySelectorAll('main figure svg[role="img"] path').length >= 90, null, { timeout: 60_000 });
  const mapMs = performance.now() - t0;
  const rows = await page.locator('main table tbody tr').first().locator('xpath=..').locator('tr').count();
  const mapAreas = await page.locator('main details table tbody tr').last().locator('xpath=..').locator('tr').count();
  await page.waitForLoadState('networkidle');
  const jsBytes = (await Promise.all(js)).reduce((a, b) => a + b, 0);
  await context.close();
  return { usableMs, mapMs, rows, mapAreas, jsBytes, transfer };
}

async function timeQuery(base, code) {
  const t0 = performance.now();
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: HOME_QUERY, variables: { code } }) });
  const body = await response.json();
  if (body.errors) throw new Error(`home(${code}) failed: ${body.errors.map((e) => e.message).join('; ')}`);
  return performance.now() - t0;
}

module.exports = {
  id: 'dashboard',
  title: 'Dashboard in the browser',
  description: `
Home page of the demo instance in Debian's headless Chromium (playwright-core), each run in a new
browser context (empty cache), 1280×800. **Usable**: from navigation to the first row of the policy
table (gauges, filters and table rendered with real data). **Map**: until the choropleth (lazy chunk)
is drawn. **JS (home route)**: gzip size of the entry and the home chunk with their static imports
(vite manifest), and gzip size of all the JS the browser actually fetched for the page (with the
lazy map chunk). **Transferred**: bytes on the wire for the whole visit until the network is idle,
as Chromium counts them (Chrome DevTools Protocol \`encodedDataLength\`: headers and bodies as sent,
compressed by the server when it did), by kind — HTML, JS, CSS, fonts, data (GraphQL/REST), other.
**RSS**: resident memory of the kit's process (API and embedded PostgreSQL in one process) right after
start, and after the measured visits. **home query**: the GraphQL \`home\` query alone, over HTTP.
Goals (issue 17): ≤ ${BUDGET_KB} KB transferred in all, usable ≤ ${GOAL_S} s, ≤ ${RSS_GOAL_MB} MB RSS after start and
under the dashboard load. Source: \`tools/bench/dashboard.bench.cjs\`.`,

  async run({ runs, root, options, log }) {
    const { chromium } = require('playwright-core');
    const instanceDir = path.resolve(root, options.instance ?? process.env.BENCH_INSTANCE ?? 'examples/demo');
    const dataDir = options.data ?? process.env.BENCH_DASHBOARD_DATA ?? path.join(os.tmpdir(), 'pilote-bench-dashboard');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // One browser reloads the home over and over: the per-client GraphQL budget (issue 14) is off.
    const env = { ...process.env, PORT: String(port), PILOTE__DATA__DIRECTORY: dataDir, PILOTE_GRAPHQL_BUDGET_PER_MINUTE: '0' };
    delete env.NODE_ENV;
    let output = '';
    const cold = !fs.existsSync(dataDir);
    log(`dashboard: starting the kit on ${base} (data in ${dataDir}; the first start seeds the demo)`);
    const child = spawn(process.execPath, [path.join(root, 'apps/cli/dist/main.js'), 'start', '--instance', instanceDir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      await waitForHealth(base, child, START_TIMEOUT_MS).catch((error) => {
        throw new Error(`${error.message}\n--- server output ---\n${output}`);
      });
      // After start, before any visit: a second for what start-up left to settle.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const rssAfterStart = rssMb(child.pid);
      const scenarios = [
        { label: 'National (FRANCE), map of the régions', path: '/?level=NAT&territory=FRANCE', code: 'FRANCE' },
        { label: 'Département (D13), map of all départements', path: '/?level=DEPT&territory=D13', code: 'D13' },
      ];
      // One unmeasured visit per scenario warms the server (query plans, caches), not the browser.
      for (const scenario of scenarios) await timeHome(browser, base, scenario.path);
      const rows = [];
      let fetchedJs = [];
      const transfers = [];
      const usable = [];
      for (const scenario of scenarios) {
        const samples = [];
        const queries = [];
        for (let i = 0; i < runs; i += 1) {
          samples.push(await timeHome(browser, base, scenario.path));
          queries.push(await timeQuery(base, scenario.code));
          log(`dashboard: ${scenario.code} run ${i + 1}/${runs}: usable ${(samples.at(-1).usableMs / 1000).toFixed(2)} s`);
        }
        fetchedJs = fetchedJs.concat(samples.map((s) => s.jsBytes));
        transfers.push({ label: scenario.label, samples: samples.map((s) => s.transfer) });
        usable.push(...samples.map((s) => s.usableMs));
        rows.push(
          `| ${scenario.label} | ${samples[0].rows} policies, ${samples[0].mapAreas} map areas | ${formatSeconds(samples.map((s) => s.usableMs))} | ${formatSeconds(samples.map((s) => s.mapMs))} | ${formatSeconds(queries)} |`,
        );
      }
      const rssAfterLoad = rssMb(child.pid);
      const routeKb = staticRouteJs(root) / 1024;
      const fetchedKb = median(fetchedJs) / 1024;
      const kinds = ['html', 'js', 'css', 'fonts', 'data', 'other'];
      const kb = (n) => (n / 1024).toFixed(1);
      const totals = transfers.map((t) => t.samples.map((sample) => kinds.reduce((sum, kind) => sum + sample.bytes[kind], 0)));
      const worstTotalKb = Math.max(...totals.map((xs) => median(xs))) / 1024;
      const transferRows = transfers.map((t, i) => `| ${t.label} | ${kinds.map((kind) => kb(median(t.samples.map((sample) => sample.bytes[kind])))).join(' | ')} | **${kb(median(totals[i]))}** |`);
      const encodings = Object.entries(transfers[0].samples[0].encodings).map(([key, count]) => `${key} × ${count}`).join(', ');
      const verdict = (met) => (met ? 'met' : 'not met');
      return [
        `Instance \`${path.relative(root, instanceDir)}\`, ${runs} run(s) per scenario; median (min–max).`,
        '',
        `| JS for the home route (gzip) | KB |`,
        '|---|---|',
        `| entry + home chunk, static imports (vite manifest) | ${routeKb.toFixed(1)} |`,
        `| all JS fetched by the browser for the home page (incl. lazy map chunk) | ${fetchedKb.toFixed(1)} |`,
        `| goal | ≤ ${BUDGET_KB} |`,
        '',
        '| Home page | Content | Usable (table shown) | Map drawn | `home` query alone |',
        '|---|---|---|---|---|',
        ...rows,
        '',
        '| Transferred, empty cache (KB on the wire, median) | HTML | JS | CSS | fonts | data | other | total |',
        '|---|---:|---:|---:|---:|---:|---:|---:|',
        ...transferRows,
        '',
        `Encodings the server chose (first national visit; kind, Content-Encoding × responses): ${encodings}.`,
        '',
        '| Kit process (API + embedded PostgreSQL) | RSS |',
        '|---|---:|',
        `| after start (${cold ? 'cold: new data folder, demo seeded' : 'warm: existing data folder'}; before any visit) | ${rssAfterStart.toFixed(0)} MB |`,
        `| after the ${2 * (runs + 1)} home visits and ${2 * runs} \`home\` queries | ${rssAfterLoad.toFixed(0)} MB |`,
        '',
        `Goals of issue 17: **transfer ≤ ${BUDGET_KB} KB — ${verdict(worstTotalKb <= BUDGET_KB)}** (${worstTotalKb.toFixed(0)} KB for the heavier of the two pages); ` +
          `**usable ≤ ${GOAL_S} s — ${verdict(median(usable) / 1000 <= GOAL_S)}** (median of both pages ${(median(usable) / 1000).toFixed(2)} s); ` +
          `**RSS ≤ ${RSS_GOAL_MB} MB after start — ${verdict(rssAfterStart <= RSS_GOAL_MB)}** (${rssAfterStart.toFixed(0)} MB), ` +
          `**and under the dashboard load — ${verdict(rssAfterLoad <= RSS_GOAL_MB)}** (${rssAfterLoad.toFixed(0)} MB).`,
      ].join('\n');
    } finally {
      await browser.close();
      const stopped = await stopProcess(child, 'SIGINT', 30_000);
      if (stopped.code !== 0) log(`dashboard: the server did not stop cleanly (exit ${stopped.code}, signal ${stopped.signal})`);
    }
  },
};
