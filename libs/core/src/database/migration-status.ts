import type { DataSource } from 'typeorm';
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

/** Runs pending migrations, each in its own transaction, and returns their names. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const done = await dataSource.runMigrations({ transaction: 'each' });
  return done.map((migration) => migration.name);
}
