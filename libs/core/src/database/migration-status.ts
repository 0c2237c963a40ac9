import { type DataSource, MigrationExecutor } from 'typeorm';
import { MIGRATIONS_TABLE } from './data-source';

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

export async function readMigrationStatus(dataSource: DataSource): Promise<MigrationStatus> {
  const known = dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name);
  const exists = (await dataSource.query(`SELECT to_regclass('public.${MIGRATIONS_TABLE}') IS NOT NULL AS present`)) as { present: boolean }[];
  const applied = exists[0]?.present
    ? ((await dataSource.query(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`)) as { name: string }[]).map((row) => row.name)
    : [];
  return { applied, pending: known.filter((name) => !applied.includes(name)) };
}

/** Session advisory lock held while migrating (two-int form: class 'MG', key 1). */
export const MIGRATION_LOCK = [0x4d47, 1] as const;

/**
 * Runs pending migrations, each in its own transaction, and returns their names. TypeORM takes
 * no lock: two processes started together on a new database both ran the first migration and
 * one died (duplicate key in pg_type). So the run holds a session advisory lock on its own
 * connection, and the migrations run on that same connection (on the embedded database the pool
 * has one connection: another would wait forever): a second process waits, then finds nothing
 * pending. The lock goes with the session if the process dies.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock($1, $2)`, [...MIGRATION_LOCK]);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      const done = await executor.executePendingMigrations();
      return done.map((migration) => migration.name);
    } finally {
      await runner.query(`SELECT pg_advisory_unlock($1, $2)`, [...MIGRATION_LOCK]).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}
