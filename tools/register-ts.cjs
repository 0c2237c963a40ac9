// Lets plain `node` scripts (jest global setup, benchmarks) run the TypeScript sources directly:
// compiles .ts files with swc on require and maps `@pilote/<name>` to the package's src/index.ts.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const aliases = new Map();
for (const group of ['libs', 'apps', 'themes', 'modules', 'examples']) {
  const dir = path.join(root, group);
  if (!fs.existsSync(dir)) continue;
  for (const entry of fs.readdirSync(dir)) {
    const pkgFile = path.join(dir, entry, 'package.json');
    if (!fs.existsSync(pkgFile)) continue;
    const { name } = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    aliases.set(name, path.join(dir, entry, 'src'));
  }
}

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolve(request, parent, ...rest) {
  const match = /^(@pilote\/[^/]+)(?:\/(.+))?$/.exec(request);
  if (match && aliases.has(match[1])) {
    const base = aliases.get(match[1]);
    const target = match[2] ? path.join(base, match[2], 'index.ts') : path.join(base, 'index.ts');
    if (fs.existsSync(target)) return target;
  }
  return originalResolve.call(this, request, parent, ...rest);
};

Module._extensions['.ts'] = function compile(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
