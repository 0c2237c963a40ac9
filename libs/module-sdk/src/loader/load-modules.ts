import semver from 'semver';
import { UserFacingError } from '@pilote/core';
import type { LocalizedName } from '../common/localized-name';
import type { ServerModuleManifest } from '../server/server-part.types';
import { buildLoadedModules, type LoadedModule, type LoadedModules } from './loaded-modules';
import { manifestSchema } from './manifest.schema';
import { resolveSettings, settingsKeys } from './module-settings';
import { formatModuleProblem, type ModuleProblem } from './module-problem';
import { orderByDependencies } from './order-modules';
import { resolveModulePackage, type ModuleResolver } from './resolve-module-package';

export interface ModuleEntry {
  id: string;
  /** The npm package holding it, when not `@pilote/module-<id>` (a third party's own scope). */
  package?: string;
  settings?: Record<string, unknown>;
}

export interface LoadModulesOptions {
  /** The kit's version, checked against each manifest's kitRange. */
  kitVersion: string;
  resolve?: ModuleResolver;
  /** Shown in the error, e.g. `examples/demo/pilote.config.ts`. */
  configFile?: string;
}

interface Candidate {
  index: number;
  entry: ModuleEntry;
  manifest: ServerModuleManifest;
}

/**
 * Validates every module of an instance, then orders them; all problems are reported at once.
 * `problems` stop the start (the instance's own file is wrong, or a manifest a test gave);
 * `skipped` are installed packages that cannot run here (missing, invalid manifest, outside the
 * kit's range, or depending on one of those): the instance starts without them (ADR 029).
 */
export function validateModules(entries: readonly ModuleEntry[], options: LoadModulesOptions): { modules: LoadedModule[]; problems: ModuleProblem[]; skipped: ModuleProblem[] } {
  const resolve = options.resolve ?? resolveModulePackage;
  const problems: ModuleProblem[] = [];
  const skipped: ModuleProblem[] = [];
  const candidates: Candidate[] = [];
  const seen = new Map<string, number>();

  entries.forEach((entry, index) => {
    const problem = (path: string, message: string) => problems.push({ index, moduleId: entry.id, path, message });
    const first = seen.get(entry.id);
    if (first !== undefined) return problem('id', `listed twice (also modules[${first}]); list each module once`);
    seen.set(entry.id, index);
    const resolved = resolve(entry.id, entry.package);
    if (!resolved.found) return void skipped.push({ index, moduleId: entry.id, path: '', message: `${resolved.reason}; the instance starts without it` });
    // A package's own mistakes skip it; the same mistakes in a manifest given by a test stop it.
    const packageProblems: ModuleProblem[] = [];
    const packageProblem = (path: string, message: string) => packageProblems.push({ index, moduleId: entry.id, path, message });
    const parsed = manifestSchema.safeParse(resolved.manifest);
    const manifest = resolved.manifest as ServerModuleManifest;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) packageProblem(`manifest.${issue.path.map(String).join('.')}`, issue.message);
    } else if (manifest.id !== entry.id) {
      packageProblem('manifest.id', `the package declares the id "${manifest.id}", expected "${entry.id}"`);
    } else if (!semver.satisfies(options.kitVersion, manifest.kitRange, { includePrerelease: true })) {
      packageProblem('manifest.kitRange', `requires kit ${manifest.kitRange}, this kit is ${options.kitVersion}`);
    }
    if (packageProblems.length === 0) return void candidates.push({ index, entry, manifest });
    if (resolved.given) return void problems.push(...packageProblems.map((found) => (found.path === 'manifest.kitRange' ? { ...found, message: `${found.message}; upgrade the module or the kit` } : found)));
    const packageName = resolved.packageName ?? entry.id;
    const advice = packageProblems.some((found) => found.path === 'manifest.kitRange')
      ? `install a version of ${packageName} made for this kit (npm install ${packageName}@<version>), or upgrade the kit`
      : `ask the authors of ${packageName} for a fixed version, or remove { id: '${entry.id}' } from modules`;
    for (const found of packageProblems) skipped.push({ ...found, message: `${packageName}: ${found.message}; ${advice}; the instance starts without it` });
  });

  // A module whose dependency was skipped cannot run either (its tables, exports, settings are missing).
  const skippedIds = new Set(skipped.map((found) => found.moduleId));
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = candidates.length - 1; i >= 0; i -= 1) {
      const missing = (candidates[i].manifest.dependsOn ?? []).find((dependency) => skippedIds.has(dependency));
      if (!missing) continue;
      const [{ index, entry }] = candidates.splice(i, 1);
      skipped.push({ index, moduleId: entry.id, path: 'manifest.dependsOn', message: `depends on "${missing}", which could not be loaded (see above); the instance starts without it` });
      skippedIds.add(entry.id);
      changed = true;
    }
  }

  const enabled = new Set(candidates.map((candidate) => candidate.manifest.id));
  const loaded: LoadedModule[] = [];
  for (const { index, entry, manifest } of candidates) {
    const problem = (path: string, message: string) => problems.push({ index, moduleId: entry.id, path, message });
    (manifest.dependsOn ?? []).forEach((dependency, position) => {
      if (dependency === manifest.id) problem(`manifest.dependsOn.${position}`, 'a module cannot depend on itself');
      else if (!enabled.has(dependency) && !seen.has(dependency) && !skippedIds.has(dependency)) problem(`manifest.dependsOn.${position}`, `depends on "${dependency}", which is not enabled: add { id: '${dependency}' } to modules`);
    });
    const configSettings = entry.settings ?? {};
    const settings = resolveSettings(manifest, configSettings);
    if (!settings.ok) for (const issue of settings.issues) problem(`settings${issue.path ? `.${issue.path}` : ''}`, issue.message);
    const keys = settingsKeys(manifest.settingsSchema);
    (manifest.publicSettings ?? []).forEach((key, position) => {
      if (!keys?.includes(key)) problem(`manifest.publicSettings.${position}`, `"${key}" is not a key of the settings schema`);
    });
    loaded.push({ id: manifest.id, version: manifest.version, displayName: manifest.displayName as LocalizedName, manifest, configSettings, settings: settings.ok ? settings.value : configSettings });
  }

  const { order, cycles } = orderByDependencies(loaded.map((module) => ({ id: module.id, dependsOn: (module.manifest.dependsOn ?? []).filter((id) => id !== module.id) })));
  for (const cycle of cycles) {
    const head = candidates.find((candidate) => candidate.manifest.id === cycle[0]);
    problems.push({ index: head?.index ?? -1, moduleId: cycle[0], path: 'manifest.dependsOn', message: `dependency cycle: ${cycle.join(' → ')}` });
  }
  const byId = new Map(loaded.map((module) => [module.id, module]));
  problems.sort((a, b) => a.index - b.index);
  skipped.sort((a, b) => a.index - b.index);
  return { modules: order.map((id) => byId.get(id)).filter((module): module is LoadedModule => module !== undefined), problems, skipped };
}

/** validateModules, throwing one UserFacingError that lists every problem. */
export function loadModules(entries: readonly ModuleEntry[], options: LoadModulesOptions): LoadedModules {
  const { modules, problems, skipped } = validateModules(entries, options);
  if (problems.length > 0) {
    const where = options.configFile ? ` in ${options.configFile}` : '';
    throw new UserFacingError(
      `${problems.length} problem${problems.length > 1 ? 's' : ''} with the modules${where}:\n${problems.map((problem) => `  - ${formatModuleProblem(problem)}`).join('\n')}`,
      'Fix the modules list of pilote.config.ts (or the modules themselves); see docs/modules/README.md.',
      'MODULES_INVALID',
    );
  }
  return buildLoadedModules(modules, skipped);
}
