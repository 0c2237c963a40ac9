#!/usr/bin/env node
// `npm run bench [-- <name>…] [-- --runs 5]`: runs tools/bench/<name>.bench.cjs (all of them by
// default) and writes each one's section into docs/benchmarks.md, replacing that section in place
// so the other benchmarks' results stay. Needs a build (`npx nx run-many -t build`).
//
// A benchmark file exports { id, title, description, run({ runs, log, root }) } where run resolves
// to the Markdown body of its section (tables, notes).
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const resultsFile = path.join(root, 'docs/benchmarks.md');

const HEADER = `# Benchmarks

Measured with \`npm run bench\` (\`tools/bench/run.cjs\`, one \`*.bench.cjs\` file per section). Each
section is rewritten in place when its benchmark runs again, with the machine it ran on; numbers are
medians unless said otherwise. Tests never assert timings: these numbers are for people. To add a
benchmark, see tools/bench/README.md.
`;

function parseArgs(argv) {
  const names = [];
  let runs = Number(process.env.BENCH_RUNS ?? 3);
  const options = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--runs') runs = Number(argv[++i]);
    else if (arg.startsWith('--')) options[arg.slice(2)] = argv[++i];
    else names.push(arg.replace(/\.bench\.cjs$/, ''));
  }
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${runs}`);
  return { names, runs, options };
}

function machine() {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown CPU';
  const meminfo = fs.existsSync('/proc/meminfo') ? fs.readFileSync('/proc/meminfo', 'utf8') : '';
  const memKb = Number(/^MemTotal:\s*(\d+)/m.exec(meminfo)?.[1] ?? os.totalmem() / 1024);
  let postgres;
  try {
    postgres = execSync('psql --version', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim().replace(/^psql \(PostgreSQL\) /, '');
  } catch {
    postgres = undefined;
  }
  return {
    cpu: model.replace(/\s+/g, ' '),
    cores: os.availableParallelism?.() ?? os.cpus().length,
    ramGb: (memKb / 1024 / 1024).toFixed(1),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    postgres,
    load: os.loadavg()[0].toFixed(1),
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  };
}

function machineLine(m) {
  return `_Run on ${m.date} — ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, ${m.os}${m.postgres ? `, PostgreSQL client ${m.postgres}` : ''}; load average ${m.load} when it started._`;
}

const markers = (id) => [`<!-- bench:${id}:start -->`, `<!-- bench:${id}:end -->`];

/** Replaces (or appends) the section of benchmark `id`, keeping everything else of the file. */
function writeSection(id, section) {
  const current = fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, 'utf8') : HEADER;
  const [start, end] = markers(id);
  const block = `${start}\n${section.trim()}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(resultsFile, next);
}

async function main() {
  const { names, runs, options } = parseArgs(process.argv.slice(2));
  const available = fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.cjs'))
    .map((file) => file.replace(/\.bench\.cjs$/, ''))
    .sort();
  const unknown = names.filter((name) => !available.includes(name));
  if (unknown.length > 0) throw new Error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  if (!fs.existsSync(path.join(root, 'apps/cli/dist/main.js'))) {
    throw new Error('apps/cli/dist/main.js is missing: build first with `npx nx run-many -t build`.');
  }
  const env = machine();
  console.log(machineLine(env).replace(/_/g, ''));
  for (const name of names.length > 0 ? names : available) {
    const bench = require(path.join(__dirname, `${name}.bench.cjs`));
    console.log(`\n▶ ${bench.title} (${runs} run${runs > 1 ? 's' : ''})`);
    const started = Date.now();
    const body = await bench.run({ runs, root, options, log: (line) => console.log(`  ${line}`) });
    const section = `## ${bench.title}\n\n${machineLine(env)}\n\n${bench.description.trim()}\n\n${body.trim()}\n`;
    writeSection(bench.id, section);
    console.log(`  done in ${((Date.now() - started) / 1000).toFixed(0)} s → ${path.relative(root, resultsFile)}`);
  }
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
});
