import type { DynamicModule, Type } from '@nestjs/common';
import type { LocalizedName } from '../common/localized-name';
import type { ModuleProblem } from './module-problem';
import type { Connector, ConnectorQuery, LiveSettings, MigrationClass, PermissionDeclaration, ServerModuleManifest } from '../server/server-part.types';
import { LiveSettingsCell } from './live-settings';

export interface LoadedModule {
  id: string;
  version: string;
  displayName: LocalizedName;
  manifest: ServerModuleManifest;
  /** The settings pilote.config.ts gives, as written (the default under an admin's overrides). */
  configSettings: Record<string, unknown>;
  /** The effective settings, parsed by the module's schema (defaults applied); what server parts are built with. */
  settings: unknown;
}

/** The modules of an instance, validated and in dependency order. */
export interface LoadedModules {
  modules: LoadedModule[];
  /** Modules listed by the instance that do not run (package missing, invalid, outside the kit's range): one line each to show. */
  skipped: ModuleProblem[];
  /** Module migrations in dependency order (run after the core's). */
  migrations: MigrationClass[];
  /** Nest modules to import into the API, in dependency order. */
  nestModules: (Type<unknown> | DynamicModule)[];
  permissions: { moduleId: string; declarations: PermissionDeclaration[] }[];
  connectors: { moduleId: string; connector: Connector }[];
  /** What GraphQL's `instance.modules` shows. */
  info(): { id: string; version: string; displayName: LocalizedName; settings: unknown }[];
  /** The `server.exports` of a module (for modules that depend on it). */
  exportsOf(id: string): Record<string, unknown> | undefined;
  /** A connector by `<module id>/<connector id>` (or by connector id when unique). */
  connector(ref: string): Connector | undefined;
  /** The module's settings as they are now in this process (see `applySettings`). */
  live(id: string): LiveSettings | undefined;
  /**
   * Gives a module its new effective settings (an administrator changed them): its live settings'
   * listeners run, and connectors built by a factory are rebuilt with them. Resolves with whether
   * anything changed and what the listeners threw.
   */
  applySettings(id: string, settings: unknown): Promise<{ changed: boolean; errors: unknown[] }>;
}

/**
 * A connector built by a factory, kept under the same object while its module's settings change:
 * `read` goes to the connector the factory built from the current settings.
 */
function followingConnector(moduleId: string, first: Connector, built: () => Connector[]): Connector {
  return {
    id: first.id,
    displayName: first.displayName,
    settingsSchema: first.settingsSchema,
    read(settings: unknown, query?: ConnectorQuery) {
      const now = built().find((candidate) => candidate.id === first.id);
      if (!now) return Promise.reject(new Error(`The connector "${moduleId}/${first.id}" is no longer offered by the module with its current settings.`));
      return now.read(settings, query);
    },
  };
}

export function buildLoadedModules(modules: LoadedModule[], skipped: ModuleProblem[] = []): LoadedModules {
  const cells = new Map(modules.map((module) => [module.id, new LiveSettingsCell<unknown>(module.settings)]));
  const nestModules: (Type<unknown> | DynamicModule)[] = [];
  for (const module of modules) {
    const nest = module.manifest.server?.nestModule;
    if (!nest) continue;
    // A function that is not a class is a factory receiving the module's settings.
    const isFactory = typeof nest === 'function' && !/^class[\s{]/.test(Function.prototype.toString.call(nest));
    const boot = { moduleId: module.id, settings: module.settings, live: cells.get(module.id) as LiveSettings };
    nestModules.push(isFactory ? (nest as (context: typeof boot) => DynamicModule)(boot) : (nest as Type<unknown> | DynamicModule));
  }
  // Connectors built from settings, per module, rebuilt when the settings change.
  const builtConnectors = new Map<string, Connector[]>();
  const connectors = modules.flatMap((module) => {
    const declared = module.manifest.server?.connectors ?? [];
    if (typeof declared !== 'function') return declared.map((connector) => ({ moduleId: module.id, connector }));
    const cell = cells.get(module.id) as LiveSettingsCell;
    builtConnectors.set(module.id, declared({ moduleId: module.id, settings: module.settings, live: cell }));
    cell.onChange((settings) => void builtConnectors.set(module.id, declared({ moduleId: module.id, settings, live: cell })));
    return (builtConnectors.get(module.id) ?? []).map((connector) => ({ moduleId: module.id, connector: followingConnector(module.id, connector, () => builtConnectors.get(module.id) ?? []) }));
  });
  return {
    modules,
    skipped,
    migrations: modules.flatMap((module) => module.manifest.server?.migrations ?? []),
    nestModules,
    permissions: modules.filter((module) => module.manifest.server?.permissions?.length).map((module) => ({ moduleId: module.id, declarations: module.manifest.server?.permissions ?? [] })),
    connectors,
    info: () => modules.map((module) => ({ id: module.id, version: module.version, displayName: module.displayName, settings: module.settings })),
    exportsOf: (id) => modules.find((module) => module.id === id)?.manifest.server?.exports,
    connector: (ref) => {
      const [moduleId, connectorId] = ref.includes('/') ? ref.split('/') : [undefined, ref];
      const matches = connectors.filter((entry) => entry.connector.id === connectorId && (moduleId === undefined || entry.moduleId === moduleId));
      return matches.length === 1 ? matches[0].connector : undefined;
    },
    live: (id) => cells.get(id),
    applySettings: (id, settings) => cells.get(id)?.set(settings) ?? Promise.resolve({ changed: false, errors: [] }),
  };
}
