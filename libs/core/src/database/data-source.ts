import { AdvancedConsoleLogger, DataSource, type MigrationInterface } from 'typeorm';
import { coreMigrations } from './migrations';

export type MigrationClass = new () => MigrationInterface;

export interface DataSourceOptions {
  url: string;
  poolSize: number;
  /** Migrations of the modules, appended after the core ones. */
  moduleMigrations?: MigrationClass[];
  logging?: boolean;
  /** Give up opening a connection after this long (a replica that went away must not hold a read). */
  connectionTimeoutMillis?: number;
}

export const MIGRATIONS_TABLE = 'pilote_migrations';

/** TypeORM prints a failed migration itself, always: MigrationFailedError already says it, with what to do. */
class KitLogger extends AdvancedConsoleLogger {
  override logMigration(): void {}
}

/** One TypeORM data source for the whole kit; the schema only ever changes through migrations. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: MIGRATIONS_TABLE,
    migrations: [...coreMigrations, ...(options.moduleMigrations ?? [])],
    logging: options.logging ? ['query', 'error'] : false,
    logger: new KitLogger(options.logging ? ['query', 'error'] : false),
    extra: { max: options.poolSize, ...(options.connectionTimeoutMillis ? { connectionTimeoutMillis: options.connectionTimeoutMillis } : {}) },
  });
}
