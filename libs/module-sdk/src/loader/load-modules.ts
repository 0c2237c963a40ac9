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

/** Validates every module of an instance, then orders them; all problems are reported at once. */
export function validateModules(entries: readonly ModuleEntry[], options: LoadModulesOptions): { modules: LoadedModule[]; problems: ModuleProblem[] } {
  const resolve = options.resolve ?? resolveModulePackage;
  const problems: ModuleProblem[] = [];
  const candidates: Candidate[] = [];
  const seen = new Map<string, number>();

  entries.forEach((entry, index) => {
    const problem = (path: string, message: string) => problems.push({ index, moduleId: entry.id, path, message });
    const first = seen.get(entry.id);
    if (first !== undefined) return problem('id', `listed twice (also modules[${first}]); list each module once`);
    seen.set(entry.id, index);
    const resolved = resolve(entry.id);
    if (!resolved.found) return problem('', resolved.reason);
    const parsed = manifestSchema.safeParse(resolved.manifest);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problem(`manifest.${issue.path.map(String).join('.')}`, issue.message);
      return;
    }
    const manifest = resolved.manifest as ServerModuleManifest;
    if (manifest.id !== entry.id) return problem('manifest.id', `the package declares the id "${manifest.id}", expected "${entry.id}"`);
    if (!semver.satisfies(options.kitVersion, manifest.kitRange, { includePrerelease: true })) {
      problem('manifest.kitRange', `requires kit ${manifest.kitRange}, this kit is ${options.kitVersion}; upgrade the module or the kit`);
    }
    candidates.push({ index, entry, manifest });
  });

  const enabled = new Set(candidates.map((candidate) => candidate.manifest.id));
  const loaded: LoadedModule[] = [];
  for (const { index, entry, manifest } of candidates) {
    const problem = (path: string, message: string) => problems.push({ index, moduleId: entry.id, path, message });
    (manifest.dependsOn ?? []).forEach((dependency, position) => {
      if (dependency === manifest.id) problem(`manifest.dependsOn.${position}`, 'a module cannot depend on itself');
      else if (!enabled.has(dependency) && !seen.has(dependency)) problem(`manifest.dependsOn.${position}`, `depends on "${dependency}", which is not enabled: add { id: '${dependency}' } to modules`);
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
  return { modules: order.map((id) => byId.get(id)).filter((module): module is LoadedModule => module !== undefined), problems };
}

/** validateModules, throwing one UserFacingError that lists every problem. */
export function loadModules(entries: readonly ModuleEntry[], options: LoadModulesOptions): LoadedModules {
  const { modules, problems } = validateModules(entries, options);
  if (problems.length > 0) {
    const where = options.configFile ? ` in ${options.configFile}` : '';
    throw new UserFacingError(
      `${problems.length} problem${problems.length > 1 ? 's' : ''} with the modules${where}:\n${problems.map((problem) => `  - ${formatModuleProblem(problem)}`).join('\n')}`,
      'Fix the modules list of pilote.config.ts (or the modules themselves); see docs/modules/README.md.',
      'MODULES_INVALID',
    );
  }
  return buildLoadedModules(modules);
}
