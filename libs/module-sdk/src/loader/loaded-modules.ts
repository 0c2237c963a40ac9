import type { DynamicModule, Type } from '@nestjs/common';
import type { LocalizedName } from '../common/localized-name';
import type { ModuleProblem } from './module-problem';
import type { Connector, MigrationClass, PermissionDeclaration, ServerModuleManifest } from '../server/server-part.types';

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
}

export function buildLoadedModules(modules: LoadedModule[], skipped: ModuleProblem[] = []): LoadedModules {
  const nestModules: (Type<unknown> | DynamicModule)[] = [];
  for (const module of modules) {
    const nest = module.manifest.server?.nestModule;
    if (!nest) continue;
    // A function that is not a class is a factory receiving the module's settings.
    const isFactory = typeof nest === 'function' && !/^class[\s{]/.test(Function.prototype.toString.call(nest));
    nestModules.push(isFactory ? (nest as (context: { moduleId: string; settings: unknown }) => DynamicModule)({ moduleId: module.id, settings: module.settings }) : (nest as Type<unknown> | DynamicModule));
  }
  const connectors = modules.flatMap((module) => {
    const declared = module.manifest.server?.connectors ?? [];
    const list = typeof declared === 'function' ? declared({ moduleId: module.id, settings: module.settings }) : declared;
    return list.map((connector) => ({ moduleId: module.id, connector }));
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
  };
}
