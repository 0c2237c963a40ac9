// Runs at the end of `npm ci` / `npm install`:
// 1. builds the API, the web app, the CLI and create-pilote-instance (their bins are committed shims
//    in bin/ that load dist/, linked by npm before this runs; Nx caches it; `npm start` rebuilds only what changed);
// 2. prepares the demo instance's embedded database (territories, referential, four years of
//    values, every rate), so that the first `npm start` answers in seconds (docs/adr/011).
// Neither step fails the install: `npm start` builds and seeds again and shows any error.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
if (process.env.PILOTE_SKIP_PREPARE === '1') process.exit(0);

function run(label, command, args) {
  const started = Date.now();
  console.log(`PILOTE kit: ${label}…`);
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NX_DAEMON: 'false' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status === 0) console.log(`PILOTE kit: ${label}: done in ${seconds} s.`);
  else console.warn(`PILOTE kit: ${label} failed; \`npm start\` will do it again and show the errors.`);
  return result.status === 0;
}

const built = run('building the API, the web app and the commands', 'npx', ['nx', 'run-many', '-t', 'build', '--projects=api,web,cli,create-pilote-instance,tag:type:module', '--output-style=stream-without-prefixes']);
// CI starts every instance on a fresh folder itself; a deployment uses DATABASE_URL.
const demoData = path.join(root, 'examples/demo/.pilote/pgdata');
if (built && !process.env.CI && !process.env.DATABASE_URL && !fs.existsSync(demoData)) {
  run('preparing the demo database', process.execPath, [path.join(root, 'apps/cli/dist/main.js'), 'seed', '--instance', 'examples/demo']);
}
console.log('Next: npm start');
