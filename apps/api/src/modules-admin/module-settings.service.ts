import { Inject, Injectable } from '@nestjs/common';
import { audit, type AuditActor, KIT_CONTEXT, type KitContext } from '@pilote/core';
import {
  describeSettingsForm,
  type LoadedModule,
  type LoadedModules,
  overridesFrom,
  pickPublicSettings,
  type SettingsForm,
  type SettingsObject,
  settingsKeys,
} from '@pilote/module-sdk/server';
import { deleteOverrides, readAllOverrides, readOverrides, writeOverrides } from './module-setting.store';
import { invalidSettings, unknownModule } from './module-settings.errors';
import type { EnabledModuleType } from './module-settings.types';
import { effectiveSettings, LOADED_MODULES, ModuleSettingsWatcher } from './module-settings.watcher';

export { LOADED_MODULES };

const isObject = (value: unknown): value is SettingsObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads and changes module settings. Effective settings = the module's schema applied to the
 * instance file's settings with the stored overrides on top. Server parts follow a change through
 * their live settings (this replica at once, the others within a second: ModuleSettingsWatcher);
 * web parts read them from `instance.modules`.
 */
@Injectable()
export class ModuleSettingsService {
  private readonly forms = new Map<string, SettingsForm | null>();

  constructor(
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
    @Inject(LOADED_MODULES) private readonly loaded: LoadedModules,
    private readonly watcher: ModuleSettingsWatcher,
  ) {}

  async list(): Promise<EnabledModuleType[]> {
    const overrides = await readAllOverrides(this.kit.dataSource.manager);
    return this.loaded.modules.map((module) => this.view(module, overrides.get(module.id) ?? null));
  }

  async publicSettings(moduleId: string): Promise<SettingsObject> {
    const module = this.loaded.modules.find((candidate) => candidate.id === moduleId);
    if (!module?.manifest.publicSettings?.length) return {};
    return pickPublicSettings(module.manifest, this.effective(module, await readOverrides(this.kit.dataSource.manager, moduleId)));
  }

  async update(moduleId: string, submitted: unknown, actor: AuditActor): Promise<EnabledModuleType> {
    const module = this.find(moduleId);
    if (!isObject(submitted)) throw invalidSettings(moduleId, [{ path: '', message: 'expected an object of settings, e.g. { "key": value }' }]);
    const checked = overridesFrom(module.manifest, module.configSettings, submitted, settingsKeys(module.manifest.settingsSchema));
    if (!checked.ok) throw invalidSettings(moduleId, checked.issues);
    const stored = Object.keys(checked.overrides).length > 0 ? checked.overrides : null;
    await this.kit.dataSource.transaction(async (manager) => {
      const previous = await readOverrides(manager, moduleId, { lock: true });
      if (stored) await writeOverrides(manager, moduleId, stored, userIdOf(actor));
      else await deleteOverrides(manager, moduleId);
      await audit(manager, { actor, action: 'module-settings.updated', subjectType: 'ModuleSettings', subjectId: moduleId, old: previous, new: stored });
    });
    await this.watcher.refresh();
    return this.view(module, stored);
  }

  async reset(moduleId: string, actor: AuditActor): Promise<EnabledModuleType> {
    const module = this.find(moduleId);
    await this.kit.dataSource.transaction(async (manager) => {
      const previous = await readOverrides(manager, moduleId, { lock: true });
      if (previous === null) return;
      await deleteOverrides(manager, moduleId);
      await audit(manager, { actor, action: 'module-settings.reset', subjectType: 'ModuleSettings', subjectId: moduleId, old: previous, new: null });
    });
    await this.watcher.refresh();
    return this.view(module, null);
  }

  private find(moduleId: string): LoadedModule {
    const module = this.loaded.modules.find((candidate) => candidate.id === moduleId);
    if (!module) throw unknownModule(moduleId);
    return module;
  }

  private effective(module: LoadedModule, overrides: SettingsObject | null): unknown {
    return effectiveSettings(module, overrides);
  }

  private form(module: LoadedModule): SettingsForm | null {
    if (!this.forms.has(module.id)) this.forms.set(module.id, module.manifest.settingsSchema ? describeSettingsForm(module.manifest.settingsSchema) : null);
    return this.forms.get(module.id) ?? null;
  }

  private view(module: LoadedModule, overrides: SettingsObject | null): EnabledModuleType {
    const settings = this.effective(module, overrides);
    return {
      id: module.id,
      version: module.version,
      displayName: module.displayName,
      description: module.manifest.description ?? null,
      settings,
      configSettings: module.configSettings,
      overrides,
      hasOverrides: overrides !== null,
      settingsForm: this.form(module),
      publicSettingKeys: [...(module.manifest.publicSettings ?? [])],
      publicSettings: pickPublicSettings(module.manifest, settings),
      // Server parts follow changes live; true only while this process has not applied them yet.
      restartNeeded: JSON.stringify(settings) !== JSON.stringify(this.loaded.live(module.id)?.current() ?? module.settings),
    };
  }
}

const userIdOf = (actor: AuditActor): string | null => (actor.kind === 'user' || actor.kind === 'token' ? actor.userId : null);
