import { packageImports } from './package-imports';

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  repository?: { type: string; url: string; directory?: string };
  files?: string[];
  main?: string;
  types?: string;
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  devDependencies?: Record<string, string>;
}

/**
 * Packages published as a built browser bundle: what they import is compiled into dist/, so it is
 * needed to build them (devDependencies), not by whoever installs them.
 */
export const BUNDLED = new Set(['@pilote/web']);

/**
 * Packages loaded by name at run time, which no import statement shows: a package importing the key
 * (or being it) must declare each value; a kit package declares its own, so its dependents need not. `npm run test:registry` is what found them.
 */
export const LOADED_AT_RUN_TIME: Record<string, string[]> = {
  '@nestjs/apollo': ['@as-integrations/express5'], // Apollo's Express 5 integration, required by name
  '@pilote/core': ['@etalab/decoupage-administratif'], // territories, read from a computed path
};

/**
 * Packages only the web bundle compiles (nothing on the server imports them): what they import may be
 * an optional peer, provided by whoever builds the bundle, so an instance installing them (through
 * @pilote/module-sdk's web entry) does not install React or MUI.
 */
export const WEB_ONLY = new Set(['@pilote/ui', '@pilote/i18n', '@pilote/theme-engine', '@pilote/theme-dsfr', '@pilote/theme-neutral']);

/**
 * Heavy features a server package loads with `import()` only when used, and only if the instance
 * installed them: an optional peer, and a clear message when missing (docs/benchmarks.md: exceljs
 * alone is a third of an instance's packages; most imports are CSV).
 */
export const OPTIONAL_AT_RUN_TIME: Record<string, string[]> = {
  '@pilote/import': ['exceljs'], // .xlsx imports (libs/import/src/reading/load-exceljs.ts)
};

/**
 * Folders whose imports may be optional peers: a module's web part (built by the host web app), test
 * helpers, and a package's build tools (`src/build`, the module developer installs them: ADR 029).
 */
function sideFolder(manifest: Manifest, from: string): boolean {
  return WEB_ONLY.has(manifest.name) || from.startsWith('src/testing') || (Boolean(manifest.exports?.['./build']) && from.startsWith('src/build')) || (Boolean(manifest.exports?.['./web']) && from.startsWith('src/web'));
}

/** Each import of the package's sources that its manifest does not declare, or declares in the wrong place. */
export function undeclaredImports(dir: string, manifest: Manifest): string[] {
  const problems: string[] = [];
  const declared = { ...manifest.peerDependencies, ...manifest.dependencies, ...(BUNDLED.has(manifest.name) ? manifest.devDependencies : {}) };
  const imports = packageImports(dir, manifest.name);
  for (const loader of [manifest.name, ...imports.filter((entry) => !entry.name.startsWith('@pilote/') && !entry.from.every((folder) => sideFolder(manifest, folder))).map((entry) => entry.name)]) {
    for (const loaded of LOADED_AT_RUN_TIME[loader] ?? []) {
      if (!manifest.dependencies?.[loaded]) problems.push(`${manifest.name} needs ${loaded} at run time (loaded by ${loader}) but does not declare it in dependencies`);
    }
  }
  for (const { name, from } of imports) {
    if (!(name in declared)) problems.push(`${manifest.name} imports ${name} (in ${from.join(', ')}) without declaring it`);
    else if (manifest.peerDependenciesMeta?.[name]?.optional && !OPTIONAL_AT_RUN_TIME[manifest.name]?.includes(name) && !from.every((folder) => sideFolder(manifest, folder))) {
      problems.push(`${manifest.name} imports ${name} at run time (in ${from.join(', ')}) but declares it an optional peer`);
    }
  }
  return problems;
}

/** Every declared version is exact, and the same as the repository root's (or the workspace package's own). */
export function versionProblems(manifest: Manifest, rootVersions: Record<string, string>, workspaceVersions: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const field of ['dependencies', 'peerDependencies', 'devDependencies'] as const) {
    for (const [name, version] of Object.entries(manifest[field] ?? {})) {
      const expected = workspaceVersions[name] ?? rootVersions[name];
      if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) problems.push(`${manifest.name} ${field}.${name} is "${version}": use an exact version`);
      else if (expected && version !== expected) problems.push(`${manifest.name} ${field}.${name} is ${version} but the repository uses ${expected}`);
    }
  }
  return problems;
}
