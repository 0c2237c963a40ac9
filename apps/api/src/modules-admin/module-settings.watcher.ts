import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { KIT_CONTEXT, type KitContext } from '@pilote/core';
import { type LoadedModule, type LoadedModules, resolveSettings, type SettingsObject } from '@pilote/module-sdk/server';
import type { EntityManager } from 'typeorm';
import { readAllOverrides } from './module-setting.store';

export const LOADED_MODULES = Symbol('LOADED_MODULES');

/** How often a replica looks for a change made on another one (PostgreSQL only), in milliseconds. */
export const DEFAULT_SETTINGS_POLL_MS = 1_000;

/** Overrides that no longer fit the schema (module upgraded) are ignored, as at start. */
export function effectiveSettings(module: LoadedModule, overrides: SettingsObject | null): unknown {
  const withOverrides = resolveSettings(module.manifest, module.configSettings, overrides ?? {});
  if (withOverrides.ok) return withOverrides.value;
  const fromFile = resolveSettings(module.manifest, module.configSettings);
  return fromFile.ok ? fromFile.value : module.settings;
}

export function settingsPollIntervalOf(env: NodeJS.ProcessEnv): number {
  const raw = env.PILOTE_SETTINGS_POLL_MS;
  if (raw === undefined || raw === '') return DEFAULT_SETTINGS_POLL_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 100) throw new Error(`PILOTE_SETTINGS_POLL_MS: expected a whole number of milliseconds ≥ 100, got "${raw}".`);
  return value;
}

/**
 * Keeps every module's live settings (server parts, connectors) equal to what the database says.
 * The replica that stores a change applies it at once (`refresh` after the commit); the others
 * read `module_setting` every PILOTE_SETTINGS_POLL_MS (1 s by default: one query on a table of a
 * row per module) and apply what differs. Polling rather than LISTEN/NOTIFY: a notification sent
 * while a replica reconnects is lost, a poll is not (ADR 028). On the embedded database there is
 * one process, so nothing polls.
 */
@Injectable()
export class ModuleSettingsWatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('modules');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private lastSeen: string | undefined;

  constructor(
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
    @Inject(LOADED_MODULES) private readonly loaded: LoadedModules,
  ) {}

  onApplicationBootstrap(): void {
    if (this.kit.database.kind === 'pglite' || this.loaded.modules.length === 0) return;
    const interval = settingsPollIntervalOf(process.env);
    this.timer = setInterval(() => void this.refresh().catch((error: unknown) => this.logger.warn(`Module settings not refreshed: ${error instanceof Error ? error.message : String(error)}`)), interval);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Reads the stored overrides and applies those that changed; one refresh at a time. */
  refresh(db: EntityManager = this.kit.dataSource.manager): Promise<void> {
    const previous = this.running ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.apply(db));
    this.running = next;
    return next.finally(() => {
      if (this.running === next) this.running = undefined;
    });
  }

  private async apply(db: EntityManager): Promise<void> {
    const overrides = await readAllOverrides(db);
    const seen = JSON.stringify([...overrides.entries()].sort(([a], [b]) => a.localeCompare(b)));
    if (seen === this.lastSeen) return;
    this.lastSeen = seen;
    for (const module of this.loaded.modules) {
      const { changed, errors } = await this.loaded.applySettings(module.id, effectiveSettings(module, overrides.get(module.id) ?? null));
      if (changed) this.logger.log(`Settings of module "${module.id}" applied.`);
      for (const error of errors) this.logger.error(`Module "${module.id}" failed to apply its new settings: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
