import type { ZodType } from 'zod';
import type { LocalizedName } from './localized-name';

/** Translations of a module, one object per locale; the i18next namespace is the module id. */
export interface ModuleTranslations {
  fr: Record<string, unknown>;
  en: Record<string, unknown>;
}

/**
 * The part of a manifest both sides read (package entry `.` / `./common`). The `./server` and
 * `./web` entries spread it and add their own part, so the browser never loads server code.
 */
export interface ModuleManifestBase<Settings = unknown> {
  /** Stable id: `^[a-z][a-z0-9-]*$`; the package is `@pilote/module-<id>`. */
  id: string;
  /** The module's own version (semver). */
  version: string;
  /** Kit versions this module works with (semver range, e.g. `^0.1.0`), checked at boot. */
  kitRange: string;
  displayName: LocalizedName;
  description?: LocalizedName;
  /** Ids of the modules that must be enabled too; they are loaded (and migrated) first. */
  dependsOn?: readonly string[];
  /**
   * Validates the module's settings (defaults applied): those of pilote.config.ts, with an
   * administrator's overrides on top. The admin page's form is generated from it
   * (`.describe()` / `.meta({ title })` give the labels); see docs/modules/README.md.
   */
  settingsSchema?: ZodType<Settings>;
  /**
   * Keys of the settings the web part may read (`useModuleSettings`). They are sent to every
   * visitor, signed in or not: never list a secret here.
   */
  publicSettings?: readonly string[];
  i18n?: ModuleTranslations;
}

/** A full manifest: the common part plus, depending on the entry it comes from, `server` or `web`. */
export interface ModuleManifest<Settings = unknown, Server = unknown, Web = unknown> extends ModuleManifestBase<Settings> {
  server?: Server;
  web?: Web;
}
