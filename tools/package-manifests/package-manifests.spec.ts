import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUNDLED, type Manifest, undeclaredImports, versionProblems } from './manifest-rules';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Manifest & { workspaces?: string[] };
const rootManifest = read(path.join(root, 'package.json'));
const { workspacePackages } = require('../workspace-packages.cjs') as { workspacePackages(): { name: string; dir: string }[] };
const packages = workspacePackages().map(({ dir }) => ({ dir, relative: path.relative(root, dir), manifest: read(path.join(dir, 'package.json')) }));
// Examples are instances, not parts of the kit; everything else is published.
const published = packages.filter(({ relative }) => !relative.startsWith('examples/'));
const rootVersions = { ...rootManifest.devDependencies, ...rootManifest.dependencies };
const workspaceVersions = Object.fromEntries(packages.map(({ manifest }) => [manifest.name, manifest.version]));

/** The file paths an `exports` map points to (its string values, at any depth). */
function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return value && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [];
}

describe('the manifests of the published packages', () => {
  it('publish every package of the kit and keep the examples private', () => {
    expect(published.map(({ manifest }) => manifest.name)).toEqual(expect.arrayContaining(['@pilote/cli', '@pilote/api', '@pilote/web', '@pilote/module-sdk', 'create-pilote-instance']));
    for (const { manifest } of packages.filter(({ relative }) => relative.startsWith('examples/'))) expect({ [manifest.name]: manifest.private }).toEqual({ [manifest.name]: true });
    expect(rootManifest.private).toBe(true);
  });

  it.each(published.map((entry) => [entry.manifest.name, entry] as const))('%s: not private, licence, repository, files, exports', (_name, { dir, relative, manifest }) => {
    expect(manifest.private).toBeUndefined();
    expect(manifest.license).toBe('EUPL-1.2');
    expect(manifest.repository).toEqual({ ...rootManifest.repository, directory: relative });
    expect(manifest.files).toEqual(expect.arrayContaining(['README.md']));
    expect(existsSync(path.join(dir, 'README.md'))).toBe(true);
    expect(manifest.exports?.['./package.json']).toBe('./package.json');
    // Every entry point lies in a published folder.
    const targets = [manifest.main, manifest.types, ...leaves(manifest.exports)].filter(Boolean) as string[];
    for (const target of targets) {
      const top = target.replace(/^\.\//, '').split('/')[0];
      expect({ target, published: top === 'package.json' || manifest.files!.includes(top) }).toEqual({ target, published: true });
    }
  });

  it.each(published.map((entry) => [entry.manifest.name, entry] as const))('%s declares every package it imports, with the repository\'s exact version', (_name, { dir, manifest }) => {
    expect([...undeclaredImports(dir, manifest), ...versionProblems(manifest, rootVersions, workspaceVersions)]).toEqual([]);
  });

  it('only a bundle may keep what it imports in devDependencies', () => {
    expect([...BUNDLED]).toEqual(['@pilote/web']);
    expect(read(path.join(root, 'apps/web/package.json')).files).toEqual(['dist', 'README.md']);
  });
});

describe('the import check', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pilote-manifest-'));
    mkdirSync(path.join(dir, 'src/web'), { recursive: true });
    writeFileSync(path.join(dir, 'src/index.ts'), "import left from 'left-pad';\nimport type { X } from '@scope/types/deep';\nimport { readFileSync } from 'node:fs';\nimport './local';\nexport const template = `import nope from 'in-a-string';`;\n");
    writeFileSync(path.join(dir, 'src/web/view.tsx'), "import React from 'react';\n");
    writeFileSync(path.join(dir, 'src/index.spec.ts'), "import jest from 'only-in-tests';\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names each undeclared import with where it is, and ignores built-ins, relative paths, strings and tests', () => {
    expect(undeclaredImports(dir, { name: 'fixture', version: '1.0.0' })).toEqual([
      'fixture imports @scope/types (in src/index.ts) without declaring it',
      'fixture imports left-pad (in src/index.ts) without declaring it',
      'fixture imports react (in src/web) without declaring it',
    ]);
  });

  it('accepts an optional peer only for a web part', () => {
    const manifest: Manifest = {
      name: 'fixture', version: '1.0.0', exports: { './web': './src/web/index.ts' },
      dependencies: { 'left-pad': '1.3.0', '@scope/types': '1.0.0' },
      peerDependencies: { react: '19.3.1' }, peerDependenciesMeta: { react: { optional: true } },
    };
    expect(undeclaredImports(dir, manifest)).toEqual([]);
    expect(undeclaredImports(dir, { ...manifest, dependencies: { '@scope/types': '1.0.0' }, peerDependencies: { react: '19.3.1', 'left-pad': '1.3.0' }, peerDependenciesMeta: { 'left-pad': { optional: true } } })).toEqual([
      'fixture imports left-pad at run time (in src/index.ts) but declares it an optional peer',
    ]);
  });

  it('asks for what an imported package loads by name at run time', () => {
    const apollo = mkdtempSync(path.join(os.tmpdir(), 'pilote-manifest-'));
    try {
      mkdirSync(path.join(apollo, 'src'));
      writeFileSync(path.join(apollo, 'src/index.ts'), "import { ApolloDriver } from '@nestjs/apollo';\n");
      const manifest: Manifest = { name: 'host', version: '1.0.0', dependencies: { '@nestjs/apollo': '14.0.3' } };
      expect(undeclaredImports(apollo, manifest)).toEqual(['host needs @as-integrations/express5 at run time (loaded by @nestjs/apollo) but does not declare it in dependencies']);
      expect(undeclaredImports(apollo, { ...manifest, dependencies: { ...manifest.dependencies, '@as-integrations/express5': '1.1.2' } })).toEqual([]);
    } finally {
      rmSync(apollo, { recursive: true, force: true });
    }
  });

  it('refuses a range and a version other than the repository\'s', () => {
    expect(versionProblems({ name: 'fixture', version: '1.0.0', dependencies: { a: '^1.0.0', b: '2.0.0', '@pilote/core': '*' } }, { b: '2.1.0' }, { '@pilote/core': '0.1.0' })).toEqual([
      'fixture dependencies.a is "^1.0.0": use an exact version',
      'fixture dependencies.b is 2.0.0 but the repository uses 2.1.0',
      'fixture dependencies.@pilote/core is "*": use an exact version',
    ]);
  });
});
