// `npm run test:registry` (CI section "registry"): the kit as a user outside this repository gets it.
// 1. Verdaccio on 127.0.0.1 (temporary storage, the public registry as uplink);
// 2. `npm publish --workspaces` publishes every public package of the kit to it;
// 3. in a temporary folder outside the repository, with that registry only:
//    `npx create-pilote-instance my-instance` → `npm install` → `npm start` serves the branded
//    instance on its embedded database (GET /, GraphQL `instance`, the logo) → `npx pilote doctor`;
// 4. the documented upgrade to a 0.2.0 and a failing 0.3.0 made in a temporary copy (upgrade.cjs).
// Fails (exit 1) at the first step that does not do what the docs say. Prints each step's time and
// the instance's installed size. Set PILOTE_REGISTRY_KEEP=1 to keep the temporary folders,
// PILOTE_REGISTRY_REPORT=<file> to write the timings and sizes as JSON.
const { spawn, spawnSync } = require('node:child_process');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startRegistry, freePort } = require('./verdaccio.cjs');
const { checkOutsideRepository, installedFootprint } = require('./installed-tree.cjs');
const { upgradeScenario } = require('./upgrade.cjs');
const { thirdPartyModule } = require('./third-party-module.cjs');

const root = path.resolve(__dirname, '../..');
const NAME = 'Préfecture de démonstration';
const timings = [];

async function step(label, action) {
  const started = Date.now();
  process.stdout.write(`▸ ${label}…\n`);
  const result = await action();
  const seconds = (Date.now() - started) / 1000;
  timings.push([label, seconds]);
  console.log(`  ${label}: ${seconds.toFixed(1)} s`);
  return result;
}

/** Runs a command; throws with its output when it fails. */
function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60_000, ...options });
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` (in ${options.cwd}) exited with ${result.status ?? result.signal}:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** npx keeps what it installed per spec: drop an earlier run's create-pilote-instance 0.1.0. */
function forgetNpxCopies(cacheDir) {
  const npx = path.join(cacheDir, '_npx');
  if (!fs.existsSync(npx)) return;
  for (const entry of fs.readdirSync(npx)) {
    if (fs.existsSync(path.join(npx, entry, 'node_modules', 'create-pilote-instance'))) fs.rmSync(path.join(npx, entry), { recursive: true, force: true });
  }
}

/** The workspace packages that are not private: what `npm publish --workspaces` must publish. */
function publicPackages() {
  const { workspacePackages } = require('../workspace-packages.cjs');
  return workspacePackages()
    .map(({ dir }) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')))
    .filter((manifest) => !manifest.private)
    .map((manifest) => manifest.name);
}

async function startInstance(instance, env) {
  const port = await freePort();
  const child = spawn('npm', ['start'], { cwd: instance, env: { ...env, PORT: String(port) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  for (let i = 0; !/is ready at/.test(output); i += 1) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
    if (i > 600) throw new Error(`npm start did not get ready within 5 minutes:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      process.kill(-child.pid, 'SIGTERM');
    });
  return { url: `http://127.0.0.1:${port}`, stop, output: () => output };
}

/**
 * The same folder in production (docs/operating/deploying.md): NODE_ENV=production, DATABASE_URL
 * on the machine's PostgreSQL (a database made for this run, dropped after), demo mode off.
 * Skipped without a PostgreSQL server, except in CI where it is required.
 */
async function productionStart(instance, env) {
  const pg = ['-h', process.env.PGHOST ?? '127.0.0.1', '-p', process.env.PGPORT ?? '5432', '-U', process.env.PGUSER ?? 'postgres'];
  if (spawnSync('pg_isready', pg.slice(0, 4)).status !== 0) {
    if (process.env.CI) throw new Error('PostgreSQL is not reachable: the production start needs it in CI');
    console.log('▸ production start: skipped (no PostgreSQL server on this machine)');
    return;
  }
  const database = `pilote_registry_${Date.now()}_${process.pid}`;
  run('createdb', [...pg, database], { cwd: instance });
  try {
    await step('production start (NODE_ENV=production, DATABASE_URL)', async () => {
      const production = await startInstance(instance, {
        ...env, NODE_ENV: 'production', PILOTE__DEMO_MODE: 'false', DATABASE_URL: `postgres://${pg[5]}@${pg[1]}:${pg[3]}/${database}`,
      });
      try {
        assert.equal((await fetch(`${production.url}/health`)).status, 200);
        const { data } = await (await fetch(`${production.url}/graphql`, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ instance { name demoMode } }' }),
        })).json();
        assert.deepEqual(data.instance, { name: { fr: NAME, en: NAME }, demoMode: false });
      } finally {
        await production.stop();
      }
    });
  } finally {
    spawnSync('dropdb', [...pg, '--if-exists', '--force', database]);
  }
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pilote-registry-'));
  let registry;
  let server;
  try {
    await step('build the published packages', () => run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' } }));
    registry = await step('start Verdaccio', () => startRegistry({ root, work }));
    console.log(`  registry ${registry.url} (storage ${work}/storage)`);
    // Everything below sees this registry only, through a throw-away user configuration.
    const env = { ...process.env, npm_config_userconfig: registry.npmrc, npm_config_registry: registry.url, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
    for (const key of ['DATABASE_URL', 'PILOTE_INSTANCE', 'NODE_ENV', 'PORT', 'INIT_CWD', 'npm_config_prefix', 'NODE_PATH']) delete env[key];
    const published = await step('npm publish --workspaces', () => {
      run('npm', ['publish', '--workspaces', '--access', 'public', '--ignore-scripts', '--registry', registry.url], { cwd: root, env });
      const names = publicPackages();
      return Promise.all(names.map(async (name) => {
        const answer = await fetch(`${registry.url}${name.replace('/', '%2f')}`);
        assert.equal(answer.status, 200, `${name} is not on the registry after npm publish --workspaces`);
        return `${name}@${(await answer.json())['dist-tags'].latest}`;
      }));
    });
    console.log(`  published: ${published.join(', ')}`);
    const outside = path.join(work, 'outside');
    fs.mkdirSync(outside);
    forgetNpxCopies(run('npm', ['config', 'get', 'cache'], { cwd: outside, env }).trim());
    await step('npx create-pilote-instance my-instance', () => run('npx', ['--yes', 'create-pilote-instance', 'my-instance', '--name', NAME], { cwd: outside, env }));
    const instance = path.join(outside, 'my-instance');
    await step('npm install', () => run('npm', ['install'], { cwd: instance, env }));
    checkOutsideRepository(instance, root);
    server = await step('npm start (ready)', () => startInstance(instance, env));
    await step('GET / and GraphQL answer with the instance', async () => {
      const home = await fetch(`${server.url}/`);
      assert.equal(home.status, 200);
      const html = await home.text();
      assert.match(html, new RegExp(`<title>${NAME.replace(/é/g, '(é|&#233;)')}</title>`), 'the home page is titled with the instance name');
      const answer = await fetch(`${server.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ instance { id name theme vocabulary levels { id } modules { id } } }' }),
      });
      const { data, errors } = await answer.json();
      assert.equal(errors, undefined, JSON.stringify(errors));
      assert.deepEqual(data.instance.name, { fr: NAME, en: NAME });
      assert.equal(data.instance.id, 'my-instance');
      assert.deepEqual(data.instance.levels.map((level) => level.id), ['NAT', 'REG', 'DEPT']);
      assert.equal(data.instance.vocabulary.fr.policy, 'politique');
      assert.equal(data.instance.theme.tokens.colors.primary, '#1f4e8c');
      assert.deepEqual(data.instance.modules.map((module) => module.id), ['help-centre']);
      const logo = await fetch(`${server.url}/instance-assets/logo.svg`);
      assert.equal(logo.status, 200, 'the instance logo is served');
    });
    await step('stop (SIGTERM)', () => server.stop());
    server = undefined;
    await step('npx pilote doctor', async () => {
      const port = await freePort();
      const report = run('npx', ['--no', 'pilote', 'doctor'], { cwd: instance, env: { ...env, PORT: String(port) } });
      assert.match(report, /Everything looks right/);
      console.log(report.replace(/^/gm, '    '));
    });
    // A module made and published outside the repository shows without rebuilding the kit (ADR 029).
    const thirdParty = await thirdPartyModule({ registry, env, outside, instance, run, step, startInstance });
    await productionStart(instance, env);
    const footprint = installedFootprint(instance);
    // docs/upgrading: 0.1.0 → 0.2.0 (new migration, renamed key) → 0.3.0 whose migration fails (upgrade.cjs).
    await upgradeScenario({ root, work, registry, env, instance, step, run, startInstance });
    console.log(`\nInstance node_modules: ${footprint.megabytes} MB, ${footprint.packages} packages (production: ${footprint.production}).`);
    console.log('Timings:');
    for (const [label, seconds] of timings) console.log(`  ${label.padEnd(44)} ${seconds.toFixed(1)} s`);
    console.log('\nregistry test: PASSED');
    // tools/bench/registry-install.bench.cjs reads this to write docs/benchmarks.md.
    if (process.env.PILOTE_REGISTRY_REPORT) fs.writeFileSync(process.env.PILOTE_REGISTRY_REPORT, JSON.stringify({ timings, footprint, thirdParty }, null, 2));
  } finally {
    if (server) await server.stop();
    if (registry) await registry.stop();
    if (process.env.PILOTE_REGISTRY_KEEP === '1') console.log(`kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`\nregistry test: FAILED\n${error.stack ?? error}`);
  process.exitCode = 1;
});
