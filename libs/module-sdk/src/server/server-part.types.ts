import type { DynamicModule, Type } from '@nestjs/common';
import type { MigrationInterface } from 'typeorm';
import type { ZodType } from 'zod';
import type { DataFrame } from '../common/data-frame';
import type { LocalizedName } from '../common/localized-name';
import type { ModuleManifest } from '../common/manifest.types';
import type { SourceConnector } from './sources/source-connector.types';

/** Actions a permission rule can name (same list as the kit's ability factory). */
export type PermissionAction = 'read' | 'create' | 'update' | 'delete' | 'validate' | 'publish' | 'import' | 'export' | 'manage';

/** A subject the module declares, its actions, and which roles get which actions by default. */
export interface PermissionDeclaration {
  /** Stable, unique across modules; PascalCase by convention (`HelpArticle`). */
  subject: string;
  actions: PermissionAction[];
  description?: string;
  /** roleId → actions, given once when the module is first enabled (an admin's edits are kept). */
  defaultGrants?: Record<string, PermissionAction[]>;
}

/** What a connector is asked for; every key is optional and a connector may ignore what it cannot filter. */
export interface ConnectorQuery {
  /** Only these columns (by name). */
  fields?: string[];
  /** Only rows of these territory codes. */
  territoryCodes?: string[];
  /** Only rows whose time field is within [from, to] (ISO dates). */
  from?: string;
  to?: string;
  limit?: number;
}

/** Reads data from somewhere (a file, an API) into a DataFrame. Never draws anything. */
export interface Connector<Settings = unknown> {
  /** Stable id, unique in the module (`csv`). */
  id: string;
  displayName: LocalizedName;
  /** Validates what callers pass to `read` (its input type is `Settings`); `read` parses with it. */
  settingsSchema: ZodType<unknown, Settings>;
  read(settings: Settings, query?: ConnectorQuery): Promise<DataFrame>;
}

export type MigrationClass = new () => MigrationInterface;

export type SettingsListener<Settings = unknown> = (settings: Settings, previous: Settings) => void | Promise<void>;

/**
 * A module's effective settings as they are now. An administrator's change on /admin/modules
 * reaches every replica without a restart (at once where it was made, within about a second
 * elsewhere): read `current()` when the value is used rather than keeping it, and drop what was
 * computed from the old value in `onChange` (which returns a function that unsubscribes).
 */
export interface LiveSettings<Settings = unknown> {
  current(): Settings;
  onChange(listener: SettingsListener<Settings>): () => void;
}

/** What the module's Nest part receives when built: its validated settings. */
export interface ModuleBootContext<Settings = unknown> {
  moduleId: string;
  /** The settings at start; `live` follows an administrator's later changes. */
  settings: Settings;
  live: LiveSettings<Settings>;
}

// Method syntax keeps the parameter bivariant, so a typed factory fits ServerPart<unknown>.
export type NestModuleFactory<Settings = unknown> = { factory(context: ModuleBootContext<Settings>): DynamicModule }['factory'];

export type ConnectorsFactory<Settings = unknown> = { factory(context: ModuleBootContext<Settings>): Connector[] }['factory'];

/** The server part of a manifest (entry `./server`). */
export interface ServerPart<Settings = unknown> {
  /** A Nest module (class or dynamic), or a factory receiving the module's settings. */
  nestModule?: Type<unknown> | DynamicModule | NestModuleFactory<Settings>;
  /** TypeORM migrations, run after the core's and after those of the modules it depends on. */
  migrations?: MigrationClass[];
  permissions?: PermissionDeclaration[];
  /** Connectors, or a factory building them from the module's settings. */
  connectors?: Connector[] | ConnectorsFactory<Settings>;
  /**
   * Connectors that feed indicators (source bindings, `pilote sync`): they stream a source's records
   * (docs/modules/connectors.md). An array, or a function of the module's settings.
   */
  sources?: SourceConnector[] | { factory(settings: Settings): SourceConnector[] }['factory'];
  /** Values other modules that depend on this one may use (`loadedModules.exportsOf(id)`). */
  exports?: Record<string, unknown>;
  /**
   * Other origins the module's web part loads scripts from and sends to (e.g. the instance's own
   * Matomo): added to the CSP's script-src, connect-src and img-src at start, https origins only.
   * By default the CSP lets in this origin alone.
   */
  contentSecurityOrigins?: { origins(settings: Settings): string[] }['origins'];
}

export type ServerModuleManifest<Settings = unknown> = ModuleManifest<Settings, ServerPart<Settings>, unknown>;
