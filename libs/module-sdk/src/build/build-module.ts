import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '@pilote/core';
import { sharedScopePlugin } from './shared-scope-plugin';

/** One output of a module build: the entry it came from, the file written, its size. */
export interface BuiltFile {
  entry: string;
  file: string;
  bytes: number;
}

type Rolldown = typeof import('rolldown');

/** Rolldown is the module developer's devDependency (the template declares it), never an instance's. */
async function loadRolldown(): Promise<Rolldown> {
  try {
    return await import('rolldown');
  } catch {
    throw new UserFacingError('rolldown is not installed', 'A module is built with rolldown: run npm install --save-dev --save-exact rolldown@1.2.19 in the module folder.', 'BUILD_TOOL_MISSING');
  }
}

const isBare = (id: string) => !id.startsWith('.') && !path.isAbsolute(id) && !id.startsWith('\0');

/**
 * The three entries of a module package (ADR 029):
 * - `src/index.ts` → `dist/index.js` and `src/server/index.ts` → `dist/server/index.js`: CommonJS for
 *   Node, every package import left to node_modules;
 * - `src/web/index.ts` → `dist/web/index.js`: one minified ES module for the browser, React, MUI,
 *   i18next and the kit read from the page's shared scope, anything else bundled in.
 */
export function moduleBuildOptions(moduleDir: string) {
  const at = (file: string) => path.join(moduleDir, file);
  const node = (input: string, output: string) => ({
    input: at(input),
    platform: 'node' as const,
    external: isBare,
    logLevel: 'warn' as const,
    output: { file: at(output), format: 'cjs' as const, exports: 'named' as const, sourcemap: true },
  });
  const builds = [node('src/index.ts', 'dist/index.js'), node('src/server/index.ts', 'dist/server/index.js')].filter((options) => existsSync(options.input));
  const web = {
    input: at('src/web/index.ts'),
    platform: 'browser' as const,
    plugins: [sharedScopePlugin()],
    logLevel: 'warn' as const,
    transform: { jsx: { runtime: 'automatic' as const }, define: { 'process.env.NODE_ENV': '"production"' } },
    output: { file: at('dist/web/index.js'), format: 'esm' as const, minify: true, sourcemap: true, codeSplitting: false },
  };
  return existsSync(web.input) ? [...builds, web] : builds;
}

/** Builds a module package in place (`pilote-module build`, the template's `npm run build`). */
export async function buildModule(moduleDir: string): Promise<BuiltFile[]> {
  const packageFile = path.join(moduleDir, 'package.json');
  if (!existsSync(packageFile)) throw new UserFacingError(`No package.json in ${moduleDir}`, 'Run it from a module folder (made by npx pilote create-module <name>).', 'USAGE');
  JSON.parse(readFileSync(packageFile, 'utf8'));
  const { build } = await loadRolldown();
  const built: BuiltFile[] = [];
  for (const options of moduleBuildOptions(moduleDir)) {
    await build(options as unknown as Parameters<Rolldown['build']>[0]);
    built.push({ entry: path.relative(moduleDir, options.input), file: path.relative(moduleDir, options.output.file), bytes: statSync(options.output.file).size });
  }
  return built;
}

/**
 * Where `pilote-module watch --into <instance>` writes: the copy of this module installed in that
 * instance (the instance serves it and rehashes it at each change). Installing the module's folder
 * itself (`npm install ../module`) would load a second copy of the kit from the module's node_modules.
 */
export function installedWebPartFile(moduleDir: string, instanceDir: string): string {
  const { name } = JSON.parse(readFileSync(path.join(moduleDir, 'package.json'), 'utf8')) as { name: string };
  const installed = path.join(instanceDir, 'node_modules', name);
  if (!existsSync(path.join(installed, 'package.json'))) {
    throw new UserFacingError(`${name} is not installed in ${instanceDir}`, `Install it there first (npm install ${name}, or npm pack here and npm install <the .tgz> there), then run the watch again.`, 'USAGE');
  }
  return path.join(installed, 'dist', 'web', 'index.js');
}

/** Rebuilds the web part at each change of src/ (`pilote-module watch`); the page shows it at the next load. */
export async function watchModuleWebPart(moduleDir: string, onBuilt: (file: BuiltFile) => void, options: { outFile?: string } = {}): Promise<{ close(): Promise<void> }> {
  const { watch } = await loadRolldown();
  const found = moduleBuildOptions(moduleDir).find((candidate) => candidate.platform === 'browser');
  if (!found) throw new UserFacingError(`No web part in ${moduleDir}`, 'A module with a web part has src/web/index.ts.', 'USAGE');
  const web = options.outFile ? { ...found, output: { ...found.output, file: options.outFile } } : found;
  const watcher = watch(web as unknown as Parameters<Rolldown['watch']>[0]);
  watcher.on('event', (event: { code: string; result?: { close(): Promise<void> }; error?: Error }) => {
    if (event.code === 'BUNDLE_END') {
      void event.result?.close();
      onBuilt({ entry: 'src/web/index.ts', file: web.output.file, bytes: statSync(web.output.file).size });
    }
    if (event.code === 'ERROR') console.error(`web part: ${event.error?.message ?? 'build failed'}`);
  });
  return { close: () => watcher.close() };
}
