#!/usr/bin/env node
// `npm run test:e2e`: for each instance folder under examples/ (one with a pilote.config.ts), starts
// the built kit on a free port with a fresh data folder, runs the browser specs of tools/e2e/specs
// against it, then stops it with SIGINT and checks it exits 0. See tools/e2e/README.md.
//
//   npm run test:e2e                          every instance, every spec
//   npm run test:e2e -- --instance demo       one instance
//   npm run test:e2e -- -t 'home page'        extra arguments go to jest
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { freePort, waitForHealth, stopProcess } = require('./support/process.cjs');

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'apps/cli/dist/main.js');
const jestBin = require.resolve('jest/bin/jest', { paths: [root] });
const jestConfig = path.join(__dirname, 'config/jest.e2e.cjs');
const startTimeoutMs = Number(process.env.E2E_START_TIMEOUT_MS ?? 180_000);

function parseArgs(argv) {
  const only = [];
  const jestArgs = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--instance') only.push(argv[++i]);
    else if (argv[i].startsWith('--instance=')) only.push(argv[i].slice('--instance='.length));
    else jestArgs.push(argv[i]);
  }
  return { only, jestArgs };
}

function findInstances(only) {
  const examples = path.join(root, 'examples');
  const names = fs.existsSync(examples) ? fs.readdirSync(examples).sort() : [];
  const instances = names
    .filter((name) => fs.existsSync(path.join(examples, name, 'pilote.config.ts')))
    .filter((name) => only.length === 0 || only.includes(name));
  if (only.length > 0 && instances.length !== only.length) {
    const missing = only.filter((name) => !instances.includes(name));
    fail(`No instance folder examples/${missing.join(', examples/')} with a pilote.config.ts.`);
  }
  return instances.map((name) => ({ name, dir: path.join(examples, name) }));
}

function fail(message) {
  console.error(`e2e: ${message}`);
  process.exit(1);
}

function runJest(env, jestArgs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [jestBin, '-c', jestConfig, ...jestArgs], { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function runInstance(instance, jestArgs) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `pilote-e2e-${instance.name}-`));
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  // One browser plays every user from one address: the per-client GraphQL budget (issue 14) is off.
  const env = { ...process.env, PORT: String(port), PILOTE__DATA__DIRECTORY: path.join(tmp, 'data'), PILOTE_GRAPHQL_BUDGET_PER_MINUTE: '0' };
  // As a user runs it (`npm start`), always on a fresh embedded database: DATABASE_URL is for `npm test`.
  for (const name of ['DATABASE_URL', 'PILOTE_INSTANCE', 'NODE_ENV']) delete env[name];

  // The server log is kept with the screenshots; the data folder is removed in every case.
  const logFile = path.join(root, 'test-results/e2e', `${instance.name}-server.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.createWriteStream(logFile);
  console.log(`\n▶ ${instance.name}: starting the kit on ${baseUrl} (data in ${tmp}, log in ${path.relative(root, logFile)})`);
  const started = Date.now();
  const server = spawn(process.execPath, [cli, 'start', '--instance', instance.dir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  const showLog = () => console.error(`--- server log (${logFile}) ---\n${fs.readFileSync(logFile, 'utf8')}--- end of server log ---`);

  const checks = [];
  const cleanUp = async () => {
    await new Promise((resolve) => log.end(resolve));
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, server, startTimeoutMs);
  } catch (error) {
    await stopProcess(server, 'SIGKILL', 5_000);
    await cleanUp();
    showLog();
    return [{ name: `${instance.name}: server starts`, ok: false, detail: error.message }];
  }
  checks.push({ name: `${instance.name}: /health 200 after ${((Date.now() - started) / 1000).toFixed(1)} s`, ok: true });

  const jestCode = await runJest(
    { ...env, E2E_BASE_URL: baseUrl, E2E_INSTANCE: instance.name, E2E_INSTANCE_DIR: instance.dir },
    jestArgs,
  );
  checks.push({ name: `${instance.name}: specs`, ok: jestCode === 0, detail: jestCode === 0 ? undefined : `jest exited with ${jestCode}` });

  const stopStarted = Date.now();
  const exit = await stopProcess(server, 'SIGINT', 30_000);
  const stoppedCleanly = exit.code === 0 && !exit.killed;
  checks.push({
    name: `${instance.name}: stops cleanly on SIGINT (${((Date.now() - stopStarted) / 1000).toFixed(1)} s)`,
    ok: stoppedCleanly,
    detail: stoppedCleanly ? undefined : exit.killed ? 'did not exit within 30 s (killed)' : `exit code ${exit.code}, signal ${exit.signal}`,
  });
  await cleanUp();
  if (checks.some((check) => !check.ok)) showLog();
  return checks;
}

async function main() {
  const { only, jestArgs } = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(cli)) fail('apps/cli/dist/main.js is missing: build first with `npx nx run-many -t build`.');
  if (!fs.existsSync(path.join(root, 'apps/web/dist/index.html'))) {
    console.warn('e2e: apps/web/dist/index.html is missing (build the web app with `npx nx run-many -t build`); the specs that need it will fail.');
  }
  const instances = findInstances(only);
  if (instances.length === 0) fail('no instance folder with a pilote.config.ts under examples/.');

  const results = [];
  for (const instance of instances) results.push(...(await runInstance(instance, jestArgs)));

  console.log('\nEnd-to-end summary');
  for (const check of results) console.log(`  ${check.ok ? '✓' : '✗'} ${check.name}${check.detail ? ` — ${check.detail}` : ''}`);
  console.log(`Screenshots: ${path.relative(root, path.join(root, 'test-results/screenshots'))}/<instance>/`);
  process.exitCode = results.every((check) => check.ok) ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
