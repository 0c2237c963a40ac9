// The kit's own modules say which kit they are made for (`version`, `kitRange` in
// src/common/manifest.ts and in their README's table). They are released with the kit (one fixed
// Changesets group), so both follow the package's version: `npm run version-packages` runs this
// after `changeset version`, and a test (tools/package-manifests) fails when they drift. Without it a
// kit 0.2.0 would leave its own 0.1.0-ranged modules out at start.
const fs = require('node:fs');
const path = require('node:path');

const VERSION = /(\bversion:\s*')[^']*(')/;
const KIT_RANGE = /(\bkitRange:\s*')[^']*(')/;
// Compiled CommonJS uses double quotes as well as single ones.
const VERSION_ANY_QUOTE = /(\bversion:\s*["'])[^"']*(["'])/;
const KIT_RANGE_ANY_QUOTE = /(\bkitRange:\s*["'])[^"']*(["'])/;

/** A manifest source (TypeScript or compiled JavaScript) saying `version` and `kitRange: ^version`. */
function withManifestVersion(text, version) {
  return text.replace(VERSION_ANY_QUOTE, `$1${version}$2`).replace(KIT_RANGE_ANY_QUOTE, `$1^${version}$2`);
}

/** A module README's table rows `| version | x |` and `| kitRange | \`^x\` |` for `version`. */
function withReadmeVersion(text, version) {
  return text.replace(/^\| version \| [^|]+ \|$/m, `| version | ${version} |`).replace(/^\| kitRange \| `[^`]*` \|$/m, `| kitRange | \`^${version}\` |`);
}

/** What a manifest source says, or undefined for a key it does not have. */
function readManifestVersions(text) {
  return { version: VERSION.exec(text)?.[0].split("'")[1], kitRange: KIT_RANGE.exec(text)?.[0].split("'")[1] };
}

/** Every published module of the kit: its folder, package.json version and manifest file. */
function kitModules(root = path.resolve(__dirname, '../..')) {
  const modules = path.join(root, 'modules');
  return fs.readdirSync(modules)
    .map((name) => path.join(modules, name))
    .filter((dir) => fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'src/common/manifest.ts')))
    .map((dir) => ({ dir, version: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version, manifest: path.join(dir, 'src/common/manifest.ts'), readme: path.join(dir, 'README.md') }))
    .filter(({ dir }) => !JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).private);
}

/** Rewrites every kit module's manifest and README to its package version; returns the files changed. */
function syncKitModules(root) {
  const changed = [];
  for (const { version, manifest, readme } of kitModules(root)) {
    for (const [file, rewrite] of [[manifest, withManifestVersion], [readme, withReadmeVersion]]) {
      if (!fs.existsSync(file)) continue;
      const before = fs.readFileSync(file, 'utf8');
      const after = rewrite(before, version);
      if (after !== before) fs.writeFileSync(file, after), changed.push(file);
    }
  }
  return changed;
}

module.exports = { withManifestVersion, withReadmeVersion, readManifestVersions, kitModules, syncKitModules };

if (require.main === module) {
  const changed = syncKitModules();
  console.log(changed.length ? `Module manifests now follow their package versions:\n${changed.map((file) => `  ${path.relative(process.cwd(), file)}`).join('\n')}` : 'Module manifests already follow their package versions.');
}
