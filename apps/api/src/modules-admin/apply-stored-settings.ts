import type { KitContext } from '@pilote/core';
import { type LoadedModules, withSettingsOverrides } from '@pilote/module-sdk/server';
import { readAllOverrides } from './module-setting.store';

/**
 * At start, after migrations: server parts are built with the administrator's overrides on top of
 * pilote.config.ts. An override the module's schema now refuses is skipped with a warning.
 */
export async function applyStoredSettings(context: KitContext, modules: LoadedModules, log: (line: string) => void): Promise<LoadedModules> {
  if (modules.modules.length === 0) return modules;
  const { modules: effective, ignored } = withSettingsOverrides(modules, await readAllOverrides(context.dataSource.manager));
  for (const { moduleId, issues } of ignored) {
    const detail = issues.map((issue) => `${issue.path || '(settings)'}: ${issue.message}`).join('; ');
    log(`Warning: the settings of module "${moduleId}" changed on the admin page no longer fit the module (${detail}); using pilote.config.ts. Fix or reset them at /admin/modules.`);
  }
  return effective;
}
