// The kit's workspace packages ({ name, dir }), read from libs/, apps/, themes/, modules/ and
// examples/: the one list behind the jest aliases and the TypeScript require hook.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const GROUPS = ['libs', 'apps', 'themes', 'modules', 'examples'];

function workspacePackages() {
  const packages = [];
  for (const group of GROUPS) {
    const dir = path.join(root, group);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir)) {
      const pkgFile = path.join(dir, entry, 'package.json');
      if (!fs.existsSync(pkgFile)) continue;
      packages.push({ name: JSON.parse(fs.readFileSync(pkgFile, 'utf8')).name, dir: path.join(dir, entry) });
    }
  }
  return packages;
}

module.exports = { workspacePackages, root };
