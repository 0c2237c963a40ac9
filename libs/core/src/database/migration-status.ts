import { type DataSource, type Migration, MigrationExecutor, type QueryRunner } from 'typeorm';
import { UserFacingError } from '../errors/user-facing-error';
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
 * Runs pending migrations in one transaction and returns their names: an upgrade applies all of
 * its migrations or none (a failed one names itself, and the database is as before). TypeORM takes
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
      const executor = new NamingMigrationExecutor(dataSource, runner);
      executor.transaction = 'all';
      const done = await executor.executePendingMigrations();
      return done.map((migration) => migration.name);
    } finally {
      await runner.query(`SELECT pg_advisory_unlock($1, $2)`, [...MIGRATION_LOCK]).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}

/** A migration that failed: every pending migration of the run was rolled back with it. */
export class MigrationFailedError extends UserFacingError {
  constructor(
    readonly migration: string,
    readonly reason: unknown,
  ) {
    super(
      `Migration ${migration} failed: ${(reason as Error)?.message ?? String(reason)}. Every pending migration was rolled back: the database is unchanged.`,
      'Nothing to restore: go back to the kit version the database is on (`npx pilote upgrade --to <that version>`) and report the message above.',
      'MIGRATION_FAILED',
    );
  }
}

/** TypeORM's executor, whose migrations say which one failed (its own error names none). */
class NamingMigrationExecutor extends MigrationExecutor {
  protected override getMigrations(): Migration[] {
    return super.getMigrations().map((migration) => {
      const instance = migration.instance!;
      const named = Object.create(instance) as typeof instance;
      named.up = (queryRunner: QueryRunner) =>
        instance.up(queryRunner).catch((error: unknown) => {
          throw new MigrationFailedError(migration.name, error);
        });
      migration.instance = named;
      return migration;
    });
  }
}
