// Empty folder → branded instance answering, through a local registry (issue 13): runs
// `npm run test:registry` (tools/registry/run.cjs) once and reports each step's time, then the
// instance's installed size and package count against this repository's own install.
//
//   npm run bench -- registry-install      (one run whatever --runs says: it takes minutes)
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { directoryBytes } = require('../registry/installed-tree.cjs');

function repositoryFootprint(root) {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const entries = Object.entries(lock.packages).filter(([key]) => key.includes('node_modules/'));
  const parseable = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  return {
    megabytes: Math.round(directoryBytes(path.join(root, 'node_modules')) / 1e6),
    packages: entries.length,
    production: new Set(parseable.split('\n').filter((line) => line.includes('node_modules'))).size,
  };
}

module.exports = {
  id: 'registry-install',
  title: 'An instance from the published packages (local registry)',
  description: 'Empty folder → branded instance answering, through Verdaccio; installed size vs the repository',
  async run({ root, log }) {
    const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pilote-bench-registry-')), 'report.json');
    log('running tools/registry/run.cjs (several minutes)…');
    const result = spawnSync(process.execPath, [path.join(root, 'tools/registry/run.cjs')], { cwd: root, env: { ...process.env, PILOTE_REGISTRY_REPORT: report }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`the registry run failed:\n${result.stdout}\n${result.stderr}`);
    const { timings, footprint } = JSON.parse(fs.readFileSync(report, 'utf8'));
    fs.rmSync(path.dirname(report), { recursive: true, force: true });
    const repo = repositoryFootprint(root);
    const seconds = (label) => timings.find(([name]) => name === label)?.[1] ?? NaN;
    const emptyToAnswering = seconds('npx create-pilote-instance my-instance') + seconds('npm install') + seconds('npm start (ready)') + seconds('GET / and GraphQL answer with the instance');
    const ratio = (a, b) => `${Math.round((100 * a) / b)} %`;
    return [
      'One run of `npm run test:registry`: Verdaccio 6.8.0 on 127.0.0.1 with fresh storage (every',
      'third-party package goes through it from the public registry), npm\'s own cache warm from the',
      'repository\'s install. The instance is made in a temporary folder outside the repository.',
      'Goals (issue 13): empty folder → answering ≤ 2 min; instance install ≤ 1/2 of the repository\'s.',
      '',
      '| step | time |',
      '|---|---|',
      ...timings.map(([label, value]) => `| ${label} | ${value.toFixed(1)} s |`),
      `| **empty folder → branded instance answering** (create + install + start + first answers) | **${emptyToAnswering.toFixed(1)} s** |`,
      '',
      '| installed tree | node_modules size | packages | production packages |',
      '|---|---|---|---|',
      `| instance (from the registry) | ${footprint.megabytes} MB | ${footprint.packages} | ${footprint.production} |`,
      `| this repository (\`npm ci\`) | ${repo.megabytes} MB | ${repo.packages} | ${repo.production} |`,
      `| instance / repository | ${ratio(footprint.megabytes, repo.megabytes)} | ${ratio(footprint.packages, repo.packages)} | ${ratio(footprint.production, repo.production)} |`,
      '',
      'Source: `tools/bench/registry-install.bench.cjs` (runs `tools/registry/run.cjs`).',
    ].join('\n');
  },
};
