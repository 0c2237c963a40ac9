import type { SettingsIssue } from '../common/settings-form.types';
import { buildLoadedModules, type LoadedModules } from './loaded-modules';
import { resolveSettings, type SettingsObject } from './module-settings';

export interface IgnoredOverride {
  moduleId: string;
  issues: SettingsIssue[];
}

/**
 * Rebuilds the modules with the administrator's stored overrides on top of the instance file
 * (at start: server parts read their settings once). An override that no longer fits the
 * module's schema (say, after an upgrade) is ignored and reported, so the kit still starts.
 */
export function withSettingsOverrides(loaded: LoadedModules, overrides: ReadonlyMap<string, SettingsObject>): { modules: LoadedModules; ignored: IgnoredOverride[] } {
  const ignored: IgnoredOverride[] = [];
  if (![...overrides.keys()].some((id) => loaded.modules.some((module) => module.id === id))) return { modules: loaded, ignored };
  const modules = loaded.modules.map((module) => {
    const stored = overrides.get(module.id);
    if (!stored) return module;
    const result = resolveSettings(module.manifest, module.configSettings, stored);
    if (!result.ok) {
      ignored.push({ moduleId: module.id, issues: result.issues });
      return module;
    }
    return { ...module, settings: result.value };
  });
  return { modules: buildLoadedModules(modules), ignored };
}
