// Lets plain `node` scripts (jest global setup, benchmarks) run the TypeScript sources directly:
// compiles .ts files with swc on require and maps `@pilote/<name>` to the package's src/index.ts.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const { workspacePackages } = require('./workspace-packages.cjs');

const aliases = new Map(workspacePackages().map(({ name, dir }) => [name, path.join(dir, 'src')]));

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
