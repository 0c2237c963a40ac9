// What pulls the most packages into an installed instance (issue 13: instance install ≤ 1/2 of the
// repository's). For each third-party package a kit package depends on directly, the production
// packages only it brings (not reachable without it) and their size on disk.
//
//   node tools/registry/heaviest-dependencies.cjs <instance folder>   (after its npm install)
const fs = require('node:fs');
const path = require('node:path');

/** A package's own files (its nested node_modules are packages of their own). */
function ownBytes(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += ownBytes(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

function readManifest(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
}

/** Node's lookup: node_modules/<name> in the folder, then in each parent. */
function resolve(from, name) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return fs.realpathSync(candidate);
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** What npm installs for a package: dependencies, optional ones present, non-optional peers. */
function edges(dir) {
  const manifest = readManifest(dir);
  const optionalPeers = manifest.peerDependenciesMeta ?? {};
  const names = [
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}).filter((name) => !optionalPeers[name]?.optional),
  ];
  return names.map((name) => resolve(dir, name)).filter(Boolean);
}

function reachable(starts, skip) {
  const seen = new Set();
  const stack = [...starts];
  while (stack.length > 0) {
    const dir = stack.pop();
    if (seen.has(dir) || dir === skip) continue;
    seen.add(dir);
    stack.push(...edges(dir));
  }
  return seen;
}

function heaviestDependencies(instance) {
  const tops = edges(fs.realpathSync(instance));
  const all = reachable(tops);
  const kit = [...all].filter((dir) => readManifest(dir).name.startsWith('@pilote/'));
  const direct = new Set(kit.flatMap((dir) => edges(dir)).filter((dir) => !readManifest(dir).name.startsWith('@pilote/')));
  const rows = [...direct].map((dir) => {
    const without = reachable(tops, dir);
    const only = [...all].filter((other) => !without.has(other));
    return { name: readManifest(dir).name, packages: only.length, megabytes: only.reduce((sum, other) => sum + ownBytes(other), 0) / 1e6 };
  });
  return { total: all.size, rows: rows.sort((a, b) => b.packages - a.packages) };
}

if (require.main === module) {
  const instance = process.argv[2];
  if (!instance) {
    console.error('Usage: node tools/registry/heaviest-dependencies.cjs <instance folder>');
    process.exit(2);
  }
  const { total, rows } = heaviestDependencies(instance);
  console.log(`${total} production packages (kit included). Brought only by each direct third-party dependency of the kit:`);
  console.log('| package | packages only it brings | size |\n|---|---|---|');
  for (const row of rows.filter((entry) => entry.packages > 1)) console.log(`| ${row.name} | ${row.packages} | ${row.megabytes.toFixed(1)} MB |`);
}

module.exports = { heaviestDependencies };
