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
const GOAL_S = 1.5;

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

/** Opens a page in a fresh context; resolves to the time until the policy table and the map are shown. */
async function timeHome(browser, base, pathname) {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
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
  return { usableMs, mapMs, rows, mapAreas, jsBytes };
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
lazy map chunk). **home query**: the GraphQL \`home\` query alone, over HTTP. Goals (issue 6):
≤ ${BUDGET_KB} KB gzip, ≤ ${GOAL_S} s to a usable home. Source: \`tools/bench/dashboard.bench.cjs\`.`,

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
    log(`dashboard: starting the kit on ${base} (data in ${dataDir}; the first start seeds the demo)`);
    const child = spawn(process.execPath, [path.join(root, 'apps/cli/dist/main.js'), 'start', '--instance', instanceDir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      await waitForHealth(base, child, START_TIMEOUT_MS).catch((error) => {
        throw new Error(`${error.message}\n--- server output ---\n${output}`);
      });
      const scenarios = [
        { label: 'National (FRANCE), map of the régions', path: '/?level=NAT&territory=FRANCE', code: 'FRANCE' },
        { label: 'Département (D13), map of all départements', path: '/?level=DEPT&territory=D13', code: 'D13' },
      ];
      // One unmeasured visit per scenario warms the server (query plans, caches), not the browser.
      for (const scenario of scenarios) await timeHome(browser, base, scenario.path);
      const rows = [];
      let fetchedJs = [];
      for (const scenario of scenarios) {
        const samples = [];
        const queries = [];
        for (let i = 0; i < runs; i += 1) {
          samples.push(await timeHome(browser, base, scenario.path));
          queries.push(await timeQuery(base, scenario.code));
          log(`dashboard: ${scenario.code} run ${i + 1}/${runs}: usable ${(samples.at(-1).usableMs / 1000).toFixed(2)} s`);
        }
        fetchedJs = fetchedJs.concat(samples.map((s) => s.jsBytes));
        rows.push(
          `| ${scenario.label} | ${samples[0].rows} policies, ${samples[0].mapAreas} map areas | ${formatSeconds(samples.map((s) => s.usableMs))} | ${formatSeconds(samples.map((s) => s.mapMs))} | ${formatSeconds(queries)} |`,
        );
      }
      const routeKb = staticRouteJs(root) / 1024;
      const fetchedKb = median(fetchedJs) / 1024;
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
      ].join('\n');
    } finally {
      await browser.close();
      const stopped = await stopProcess(child, 'SIGINT', 30_000);
      if (stopped.code !== 0) log(`dashboard: the server did not stop cleanly (exit ${stopped.code}, signal ${stopped.signal})`);
    }
  },
};
