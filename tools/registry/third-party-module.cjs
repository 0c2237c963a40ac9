// Part of `npm run test:registry` (issue 13, item 4; ADR 029): a module made and published outside the
// kit's repository shows in an installed instance without rebuilding the kit.
// In the temporary folder, with the test's registry only:
//   npx pilote create-module weather-demo → npm install → npm test → npm publish
//   → npm install @pilote/module-weather-demo in the instance → enabled in pilote.config.ts → npm start
//   → Chromium: its widget shows (with its setting), beside the kit's own help-centre module;
//   its web part answering 404, or throwing, leaves the page and the other modules working, and the
//   console names the package and what to do;
//   then, with `npm run watch -- --into <instance>`: an edit is visible after a reload (timed).
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const MODULE_ID = 'weather-demo';
const PACKAGE = `@pilote/module-${MODULE_ID}`;
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
// As root on a closed network, as tools/e2e launches it (../shared/STACK.md).
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WIDGET = `[data-module="${MODULE_ID}"]`;

/** Adds the module to the instance's `modules: [...]` line, with a setting its widget shows; returns an undo. */
function enableInPiloteConfig(instance) {
  const file = path.join(instance, 'pilote.config.ts');
  const source = fs.readFileSync(file, 'utf8');
  const updated = source.replace(/modules: \[/, `modules: [{ id: '${MODULE_ID}', settings: { greeting: 'Salut' } }, `);
  assert.notEqual(updated, source, 'pilote.config.ts has a modules list');
  fs.writeFileSync(file, updated);
  return () => fs.writeFileSync(file, source);
}

/** The widget's text in either language of the page. */
const GREETING = new RegExp(`^Salut (from the|depuis le module) ${MODULE_ID}( module)?$`);

/** Opens the home page in English; returns the page and the console errors it printed. */
async function openHome(browser, url, prepare) {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  if (prepare) await prepare(page);
  await page.goto(`${url}/`, { waitUntil: 'networkidle' });
  return { page, errors, close: () => context.close() };
}

/** The kit's own module (help-centre, built into the web app) and the page's main content are there. */
async function assertRestOfPageWorks(page) {
  await page.locator('a[href^="/help"]').first().waitFor({ timeout: 30_000 });
  assert.ok((await page.locator('main').innerText()).trim().length > 0, 'the page is not blank');
}

async function browserChecks({ url, step }) {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }).catch((error) => {
    throw new Error(`Chromium could not start from ${CHROMIUM} (install it with \`apt-get install -y chromium\`): ${error.message}`);
  });
  let loads = [];
  try {
    await step(`Chromium: the ${MODULE_ID} widget shows, the kit not rebuilt`, async () => {
      const { page, errors, close } = await openHome(browser, url);
      await page.locator(WIDGET).waitFor({ timeout: 30_000 });
      assert.match((await page.locator(WIDGET).innerText()).trim(), GREETING);
      await assertRestOfPageWorks(page);
      assert.deepEqual(errors.filter((text) => text.includes(MODULE_ID)), [], 'no console error about the module');
      // What loading a pre-built web part costs this page: the shared-scope chunk and the part itself.
      loads = await page.evaluate(() => performance.getEntriesByType('resource')
        .filter((entry) => /\/module-web\/|sharedScope-/.test(entry.name))
        .map((entry) => ({ name: new URL(entry.name).pathname.replace(/^\/assets\//, ''), transferredBytes: entry.transferSize, decodedBytes: entry.decodedBodySize, milliseconds: Math.round(entry.duration) })));
      console.log(`  loaded: ${loads.map((entry) => `${entry.name} ${entry.transferredBytes} B in ${entry.milliseconds} ms`).join(', ')}`);
      await close();
    });
    for (const [label, answer] of [
      ['answering 404', { status: 404, contentType: 'text/plain', body: 'Not found' }],
      ['throwing', { status: 200, contentType: 'text/javascript', body: 'throw new Error("broken on purpose");' }],
    ]) {
      await step(`Chromium: its web part ${label} → the rest of the page works, the console names the package`, async () => {
        const { page, errors, close } = await openHome(browser, url, (opened) => opened.route(`**/module-web/${MODULE_ID}/**`, (route) => route.fulfill(answer)));
        await assertRestOfPageWorks(page);
        assert.equal(await page.locator(WIDGET).count(), 0);
        const named = errors.find((text) => text.includes(`The web part of module "${MODULE_ID}" (package ${PACKAGE}) failed to load`));
        assert.ok(named, `a console error names ${PACKAGE}; got:\n${errors.join('\n')}`);
        assert.match(named, /Rebuild it \(npm run build in the module\)/);
        await close();
      });
    }
  } finally {
    await browser.close();
  }
  return loads;
}

/**
 * Edit → visible with `npm run watch -- --into <instance>`: the watcher rebuilds the web part into
 * the copy installed in the instance, which serves it under its new hash; the page shows the new
 * text at its next load. Returns the seconds from the write to the text on screen.
 */
async function editToVisible({ moduleDir, instance, env, startInstance }) {
  const watcher = spawn('npm', ['run', 'watch', '--', '--into', instance], { cwd: moduleDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let watchOutput = '';
  watcher.stdout.on('data', (chunk) => (watchOutput += chunk));
  watcher.stderr.on('data', (chunk) => (watchOutput += chunk));
  const server = await startInstance(instance, env);
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    for (let i = 0; !/Watching/.test(watchOutput); i += 1) {
      if (i > 120) throw new Error(`npm run watch did not start:\n${watchOutput}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    await page.locator(WIDGET).waitFor({ timeout: 30_000 });
    // The widget's text in both languages, in one file each: the watcher sees two writes at most.
    const started = Date.now();
    for (const locale of ['en', 'fr']) {
      const translations = path.join(moduleDir, `src/common/i18n/${locale}.json`);
      const edited = JSON.parse(fs.readFileSync(translations, 'utf8'));
      edited.widget.greeting = `{{greeting}}, edited (${locale}), {{name}}`;
      fs.writeFileSync(translations, `${JSON.stringify(edited, null, 2)}\n`);
    }
    for (;;) {
      if (Date.now() - started > 60_000) throw new Error(`the edit did not show within 60 s:\n${watchOutput}`);
      await page.reload({ waitUntil: 'networkidle' });
      const widget = page.locator(WIDGET);
      if ((await widget.count()) > 0 && (await widget.innerText()).includes('edited')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return (Date.now() - started) / 1000;
  } finally {
    await browser.close();
    await server.stop();
    if (watcher.exitCode === null) process.kill(-watcher.pid, 'SIGTERM');
  }
}

/** Sizes of the pre-built web part as served (raw and compressed). */
function webPartBytes(moduleDir) {
  const code = fs.readFileSync(path.join(moduleDir, 'dist/web/index.js'));
  return { raw: code.length, gzip: zlib.gzipSync(code, { level: 9 }).length, brotli: zlib.brotliCompressSync(code).length };
}

/**
 * Runs the scenario; `outside` is the temporary folder holding the instance, `run`/`step`/
 * `startInstance` are run.cjs's. Returns what docs/benchmarks.md reports.
 */
async function thirdPartyModule({ registry, env, outside, instance, run, step, startInstance }) {
  const moduleDir = path.join(outside, MODULE_ID);
  // The instance's own `pilote` (installed from the registry), run from outside any kit repository.
  const pilote = path.join(instance, 'node_modules', '.bin', 'pilote');
  await step(`npx pilote create-module ${MODULE_ID} (outside the repository)`, () => run(pilote, ['create-module', MODULE_ID], { cwd: outside, env }));
  const manifest = JSON.parse(fs.readFileSync(path.join(moduleDir, 'package.json'), 'utf8'));
  assert.deepEqual(Object.keys(manifest.dependencies).filter((name) => name.startsWith('@pilote/')), ['@pilote/module-sdk'], 'the module depends on the published SDK only');
  await step('module: npm install', () => run('npm', ['install'], { cwd: moduleDir, env }));
  const tested = await step('module: npm test', () => run('npm', ['test'], { cwd: moduleDir, env }));
  assert.match(tested, /# pass 3/);
  const bytes = webPartBytes(moduleDir);
  console.log(`  web part: ${bytes.raw} B (gzip ${bytes.gzip} B, brotli ${bytes.brotli} B)`);
  await step('module: npm publish', () => run('npm', ['publish', '--registry', registry.url], { cwd: moduleDir, env }));
  await step(`instance: npm install ${PACKAGE}`, () => run('npm', ['install', `${PACKAGE}@0.1.0`], { cwd: instance, env }));
  const restoreConfig = enableInPiloteConfig(instance);
  try {
    return await withModuleEnabled({ moduleDir, bytes, instance, env, step, startInstance });
  } finally {
    restoreConfig();
  }
}

async function withModuleEnabled({ moduleDir, bytes, instance, env, step, startInstance }) {
  let loads;
  const server = await step('instance: npm start with the module', () => startInstance(instance, env));
  try {
    const answer = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ instance { modules { id webEntry } } }' }) });
    const { data } = await answer.json();
    const entry = data.instance.modules.find((module) => module.id === MODULE_ID);
    assert.match(entry?.webEntry ?? '', new RegExp(`^/module-web/${MODULE_ID}/[0-9a-f]{16}\\.js$`), 'instance.modules gives the web part URL');
    assert.equal(data.instance.modules.find((module) => module.id === 'help-centre')?.webEntry, null, 'the kit\'s own module stays built into the web app');
    loads = await browserChecks({ url: server.url, step });
  } finally {
    await server.stop();
  }
  const editSeconds = await step('module edit → visible in the browser (npm run watch -- --into <instance>)', () => editToVisible({ moduleDir, instance, env, startInstance }));
  console.log(`  edit → visible: ${editSeconds.toFixed(1)} s`);
  return { webPart: bytes, loads, editToVisibleSeconds: editSeconds };
}

module.exports = { thirdPartyModule };
