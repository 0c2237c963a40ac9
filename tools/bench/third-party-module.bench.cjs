// A module made outside the repository, in an installed instance (issue 13, ADR 029): what its
// pre-built web part costs (bytes, load time in Chromium) and edit → visible with its watch mode.
// Reads the report of `npm run test:registry` (tools/registry/third-party-module.cjs measures):
//   npm run bench -- third-party-module                    (runs the registry test: minutes)
//   npm run bench -- third-party-module --report <file>    (a report written with PILOTE_REGISTRY_REPORT=<file>)
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** The kit web app's shared-scope chunk as built (raw and the precompressed files served). */
function sharedScopeChunk(root) {
  const assets = path.join(root, 'apps/web/dist/assets');
  const file = fs.existsSync(assets) ? fs.readdirSync(assets).find((name) => /^sharedScope-.*\.js$/.test(name)) : undefined;
  if (!file) return undefined;
  const size = (suffix) => (fs.existsSync(path.join(assets, file + suffix)) ? fs.statSync(path.join(assets, file + suffix)).size : NaN);
  return { file, raw: size(''), gzip: size('.gz'), brotli: size('.br') };
}

function readReport(root, options, log) {
  if (options.report) return JSON.parse(fs.readFileSync(options.report, 'utf8'));
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pilote-bench-module-')), 'report.json');
  log('running tools/registry/run.cjs (several minutes)…');
  const result = spawnSync(process.execPath, [path.join(root, 'tools/registry/run.cjs')], { cwd: root, env: { ...process.env, PILOTE_REGISTRY_REPORT: report }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`the registry run failed:\n${result.stdout}\n${result.stderr}`);
  const parsed = JSON.parse(fs.readFileSync(report, 'utf8'));
  fs.rmSync(path.dirname(report), { recursive: true, force: true });
  return parsed;
}

module.exports = {
  id: 'third-party-module',
  title: 'A third-party module in an installed instance (web part at run time)',
  description: 'create-module outside the repository → npm test → publish → install → its widget in Chromium, without rebuilding the kit; bytes, load time, edit → visible',
  async run({ root, options, log }) {
    const { timings, thirdParty } = readReport(root, options, log);
    if (!thirdParty) throw new Error('the report has no third-party module measures (tools/registry/third-party-module.cjs did not run)');
    const chunk = sharedScopeChunk(root);
    const steps = timings.filter(([label]) => /module|Chromium/.test(label) && !/^npm publish --workspaces/.test(label));
    const { webPart, loads, editToVisibleSeconds } = thirdParty;
    return [
      'One run of `npm run test:registry` (Verdaccio on 127.0.0.1, the instance and the module in a',
      'temporary folder outside the repository; Chromium 156 headless on the same machine, so load',
      'times are local, without network latency). Goal (issue 13): edit → visible ≤ 5 s with a watch mode.',
      '',
      '| step | time |',
      '|---|---|',
      ...steps.map(([label, value]) => `| ${label}${/^module edit/.test(label) ? ' — whole step: watcher and instance started, first page, then the edit' : ''} | ${value.toFixed(1)} s |`),
      `| **module edit → visible in the browser** (write → watch rebuild → page reloaded until the new text shows) | **${editToVisibleSeconds.toFixed(1)} s** |`,
      '',
      '| what the browser loads for pre-built modules | raw | gzip | brotli |',
      '|---|---|---|---|',
      chunk ? `| the kit's shared-scope chunk (\`${chunk.file}\`, once per visit, only when the instance enables such a module) | ${chunk.raw} B | ${chunk.gzip} B | ${chunk.brotli} B |` : '| the kit\'s shared-scope chunk | (apps/web/dist not built) | | |',
      `| the template module's web part (\`dist/web/index.js\`) | ${webPart.raw} B | ${webPart.gzip} B | ${webPart.brotli} B |`,
      '',
      'Measured in Chromium (Resource Timing: bytes transferred, duration, first load with an empty cache):',
      '',
      '| resource | transferred | duration |',
      '|---|---|---|',
      ...(loads ?? []).map((entry) => `| \`${entry.name}\` | ${entry.transferredBytes} B | ${entry.milliseconds} ms |`),
      '',
      'Source: `tools/bench/third-party-module.bench.cjs` (reads the report of `tools/registry/run.cjs`).',
    ].join('\n');
  },
};
