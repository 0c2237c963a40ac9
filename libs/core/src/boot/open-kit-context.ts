import path from 'node:path';
import { type LoadedInstanceConfig, loadInstanceConfig } from '../config/load-instance-config';
import { type RuntimeSettings } from '../config/runtime-settings';
import { UserFacingError } from '../errors/user-facing-error';
import { type DatabaseConnection, openDatabase } from '../database/database-connection';
import { createDataSource, type MigrationClass } from '../database/data-source';
import type { KitContext, KitModuleInfo } from './kit-context';
import { readKitVersion } from './kit-version';
import { ReadReplica } from '../replica/read-replica';
import { DEFAULT_REPLICA_MAX_LAG_SECONDS } from '../config/runtime-settings';

/** Loads the configuration and opens the database (no migration, no seed: callers decide). */
export async function openKitContext(
  settings: RuntimeSettings,
  given: {
    instance?: LoadedInstanceConfig;
    database?: DatabaseConnection;
    /** Migrations of the instance's modules (dependency order), run after the core's. */
    moduleMigrations?: MigrationClass[];
    modules?: KitModuleInfo[];
  } = {},
): Promise<KitContext> {
  const instance = given.instance ?? loadInstanceConfig(settings.instanceDirectory);
  if (instance.config.demoMode && settings.production) {
    throw new UserFacingError(
      `The instance "${instance.config.id}" is in demo mode, which is refused when NODE_ENV=production`,
      'Set demoMode: false in pilote.config.ts (or PILOTE__DEMO_MODE=false) for a production instance.',
      'CONFIG_INVALID',
    );
  }
  const database = given.database ?? await openDatabase({
    databaseUrl: settings.databaseUrl,
    poolSize: settings.poolSize,
    dataDirectory: path.resolve(instance.directory, instance.config.data.directory),
  });
  const dataSource = createDataSource({ url: database.url, poolSize: database.poolSize, moduleMigrations: given.moduleMigrations, logging: process.env.PILOTE_SQL_LOG === '1' });
  try {
    await dataSource.initialize();
  } catch (error) {
    await database.close();
    throw new UserFacingError(`Cannot open the database: ${(error as Error).message}`, 'Run `npx pilote doctor` for a diagnosis.', 'DATABASE_UNAVAILABLE');
  }
  const readReplica = openReadReplica(settings, database);
  return { version: readKitVersion(), settings, instance, database, dataSource, modules: given.modules ?? [], ...(readReplica ? { readReplica } : {}) };
}

/** The replica's pool is opened at its first use: a replica down at start only sends reads to the primary. */
function openReadReplica(settings: RuntimeSettings, database: DatabaseConnection): ReadReplica | undefined {
  if (!settings.replicaUrl || database.kind !== 'postgresql') return undefined;
  const replica = createDataSource({ url: settings.replicaUrl, poolSize: Math.max(2, Math.ceil(database.poolSize / 2)), connectionTimeoutMillis: 2_000 });
  return new ReadReplica(replica, { maxLagSeconds: settings.replicaMaxLagSeconds ?? DEFAULT_REPLICA_MAX_LAG_SECONDS });
}

export async function closeKitContext(context: KitContext): Promise<void> {
  await context.readReplica?.close();
  if (context.dataSource.isInitialized) await context.dataSource.destroy();
  await context.database.close();
}
