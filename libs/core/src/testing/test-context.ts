import type { LoadedInstanceConfig } from '../config/load-instance-config';
import type { RuntimeSettings } from '../config/runtime-settings';
import type { KitContext, KitModuleInfo } from '../boot/kit-context';
import type { MigrationClass } from '../database/data-source';
import { closeKitContext, openKitContext } from '../boot/open-kit-context';
import { createTestDatabase } from './test-database';
import { testInstance } from './test-instance';

export function testSettings(overrides: Partial<RuntimeSettings> = {}): RuntimeSettings {
  return { instanceDirectory: process.cwd(), port: 0, production: false, ...overrides };
}

/** A kit context on a fresh copy of the template database (migrated, French territories loaded). */
export async function createTestContext(
  options: { instance?: LoadedInstanceConfig; moduleMigrations?: MigrationClass[]; modules?: KitModuleInfo[] } = {},
): Promise<KitContext & { dispose(): Promise<void> }> {
  const database = await createTestDatabase();
  const context = await openKitContext(testSettings(), { instance: options.instance ?? testInstance(), database, moduleMigrations: options.moduleMigrations, modules: options.modules });
  return { ...context, dispose: () => closeKitContext(context) };
}
