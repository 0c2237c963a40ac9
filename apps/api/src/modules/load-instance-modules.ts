import path from 'node:path';
import { registerPermissions } from '@pilote/auth';
import type { LoadedInstanceConfig } from '@pilote/core';
import { formatModuleProblem, loadModules, moduleResolverFrom, resolverWith, type LoadedModules, type ModuleEntry, type ServerModuleManifest } from '@pilote/module-sdk/server';

/** A module brought by the caller (tests): its manifest, and settings as an instance would give them. */
export type GivenModule = ServerModuleManifest | { manifest: ServerModuleManifest; settings?: Record<string, unknown> };

/**
 * Resolves, validates and orders the modules the instance lists (plus any given directly), and
 * declares their permissions. Throws one error listing every problem of the instance file, before
 * the database opens; packages that cannot run are left out (`skipped`, shown by the caller).
 */
export function loadInstanceModules(instance: LoadedInstanceConfig, options: { kitVersion: string; given?: GivenModule[] }): LoadedModules {
  const given = (options.given ?? []).map((item) => ('manifest' in item ? item : { manifest: item, settings: undefined }));
  const entries: ModuleEntry[] = instance.config.modules.map((entry) => ({ id: entry.id, package: entry.package, settings: entry.settings }));
  for (const { manifest, settings } of given) {
    const listed = entries.find((entry) => entry.id === manifest.id);
    if (!listed) entries.push({ id: manifest.id, settings: settings ?? {} });
    else if (settings) listed.settings = settings;
  }
  const modules = loadModules(entries, {
    kitVersion: options.kitVersion,
    // Packages installed in the instance folder first (an instance outside the repository), then the kit's.
    resolve: resolverWith(given.map(({ manifest }) => manifest), moduleResolverFrom([instance.directory, __dirname])),
    configFile: path.relative(process.cwd(), instance.file) || instance.file,
  });
  // A module package that cannot run is left out, loudly: the rest of the instance starts (ADR 029).
  for (const skipped of modules.skipped) console.warn(`Module left out: ${formatModuleProblem(skipped)}`);
  for (const { moduleId, declarations } of modules.permissions) registerPermissions(moduleId, declarations);
  return modules;
}
