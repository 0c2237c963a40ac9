// Shared jest settings: @swc/jest (ts-jest cannot load Nest 12 on Node 20, see docs/adr/003-test-strategy.md).
const path = require('node:path');
const root = __dirname;
const { workspacePackages } = require('./tools/workspace-packages.cjs');

// ESM-only packages that jest must transform (see ../shared/STACK.md gotchas).
const esmPackages = [
  '@nestjs', '@electric-sql', 'file-type', 'strtok3', 'token-types', '@tokenizer',
  'uint8array-extras', '@borewit', 'load-esm', '@codegouvfr', '@svg-maps', 'd3-[^/]+',
  'internmap', 'delaunator', 'robust-predicates',
  'openid-client', 'oauth4webapi', 'jose', 'oidc-provider', 'hyparquet', 'hyparquet-writer',
];

const swc = (jsx) => [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: jsx },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        ...(jsx ? { react: { runtime: 'automatic' } } : {}),
      },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

/** Maps every `@pilote/<name>` workspace package to its sources, so tests never need a build. */
function workspaceAliases() {
  const map = {};
  for (const { name, dir } of workspacePackages()) {
    const escaped = name.replace('/', '\\/');
    map[`^${escaped}$`] = path.join(dir, 'src/index.ts');
    map[`^${escaped}/(server|web|common|testing)$`] = path.join(dir, 'src/$1/index.ts');
  }
  return map;
}

module.exports = {
  root,
  nodeProject: (displayName, dir, extra = {}) => ({
    displayName,
    rootDir: dir,
    testEnvironment: 'node',
    transform: { '^.+\\.(t|j|cj|mj)sx?$': swc(false) },
    transformIgnorePatterns: [`node_modules/(?!(${esmPackages.join('|')})/)`],
    moduleNameMapper: workspaceAliases(),
    testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.integration-spec.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    ...extra,
  }),
  webProject: (displayName, dir, extra = {}) => ({
    displayName,
    rootDir: dir,
    testEnvironment: 'jsdom',
    transform: { '^.+\\.(t|j|cj|mj)sx?$': swc(true) },
    transformIgnorePatterns: [`node_modules/(?!(${esmPackages.join('|')})/)`],
    moduleNameMapper: {
      '\\.(css|svg|png|woff2?)$': path.join(root, 'tools/jest/file-stub.cjs'),
      ...workspaceAliases(),
    },
    testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.spec.tsx'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    ...extra,
  }),
};
