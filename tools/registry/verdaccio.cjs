// A throw-away Verdaccio registry on 127.0.0.1 (random free port, temporary storage) that publishes
// the kit's packages and proxies every other package to the public registry (../shared/STACK.md).
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts Verdaccio; resolves { url, npmrc, stop() } once it answers /-/ping. */
async function startRegistry({ root, work }) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const uplink = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
  const config = path.join(work, 'verdaccio.yaml');
  // Kit packages are never looked up upstream: a homonym on the public registry cannot replace them.
  fs.writeFileSync(config, [
    `storage: ${JSON.stringify(path.join(work, 'storage'))}`,
    'max_body_size: 200mb',
    'uplinks:',
    `  up: { url: ${JSON.stringify(uplink)}, timeout: 60s }`,
    'packages:',
    "  '@pilote/*': { access: $all, publish: $anonymous }",
    "  'create-pilote-instance': { access: $all, publish: $anonymous }",
    "  '**': { access: $all, proxy: up }",
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n'));
  const npmrc = path.join(work, '.npmrc');
  fs.writeFileSync(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=throw-away\n`);
  const child = spawn(path.join(root, 'node_modules/.bin/verdaccio'), ['--config', config, '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  for (let i = 0; ; i += 1) {
    if (child.exitCode !== null) throw new Error(`Verdaccio exited (${child.exitCode}):\n${log}`);
    try {
      if ((await fetch(`${url}-/ping`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 120) throw new Error(`Verdaccio did not answer on ${url} within 60 s:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, npmrc, stop, log: () => log };
}

module.exports = { startRegistry, freePort };
