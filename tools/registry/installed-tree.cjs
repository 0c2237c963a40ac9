// What an instance installed from the registry holds: no path into the kit's repository, and its size.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** Throws when a kit package in the instance is a link (a workspace) or resolves into the repository. */
function checkOutsideRepository(instance, root) {
  if (!path.relative(root, instance).startsWith('..')) throw new Error(`${instance} is inside the repository ${root}`);
  const scope = path.join(instance, 'node_modules', '@pilote');
  const names = fs.readdirSync(scope);
  for (const name of [...names.map((entry) => `@pilote/${entry}`), 'create-pilote-instance']) {
    const dir = path.join(instance, 'node_modules', name);
    if (!fs.existsSync(dir)) continue;
    if (fs.lstatSync(dir).isSymbolicLink()) throw new Error(`${name} is a link (${fs.realpathSync(dir)}), not an installed package`);
    if (!path.relative(root, fs.realpathSync(dir)).startsWith('..')) throw new Error(`${name} resolves into the repository`);
  }
  for (const required of ['cli', 'api', 'web', 'core', 'module-help-centre']) {
    if (!names.includes(required)) throw new Error(`@pilote/${required} is not installed in the instance`);
  }
}

function directoryBytes(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += directoryBytes(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

/** Size of node_modules (MB), installed packages, and production packages (`npm ls --omit=dev`). */
function installedFootprint(dir) {
  const lock = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
  const entries = Object.entries(lock.packages).filter(([key]) => key.startsWith('node_modules/'));
  const parseable = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return {
    megabytes: Math.round(directoryBytes(path.join(dir, 'node_modules')) / 1e6),
    packages: entries.length,
    production: new Set(parseable.split('\n').filter((line) => line.includes('node_modules'))).size,
  };
}

module.exports = { checkOutsideRepository, installedFootprint, directoryBytes };
