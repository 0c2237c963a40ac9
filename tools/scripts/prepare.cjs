// Runs at the end of `npm ci` / `npm install`: builds the API, the web app and the CLI so that the
// first `npm start` only starts (Nx caches the build; `npm start` rebuilds only what changed).
// A failed build does not fail the install: `npm start` builds again and shows the errors.
const { spawnSync } = require('node:child_process');

if (process.env.PILOTE_SKIP_PREPARE === '1') process.exit(0);
const started = Date.now();
console.log('PILOTE kit: building the API, the web app and the CLI (once; later builds are cached)…');
const result = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=api,web,cli', '--output-style=stream-without-prefixes'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, NX_DAEMON: 'false' },
});
if (result.status === 0) console.log(`PILOTE kit: built in ${((Date.now() - started) / 1000).toFixed(0)} s. Next: npm start`);
else console.warn('PILOTE kit: the build failed; `npm start` will build again and show the errors.');
