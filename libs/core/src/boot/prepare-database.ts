import type { KitContext } from './kit-context';
import { UserFacingError } from '../errors/user-facing-error';
import { runMigrations } from '../database/migration-status';
import { seedInstance } from '../seed/seed-instance';

export interface PrepareOptions {
  seed: boolean;
  log?: (line: string) => void;
}

/** Migrations always run at start (one process at a time); the seed runs once, on an empty database. */
export async function prepareDatabase(context: KitContext, options: PrepareOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  let applied: string[];
  try {
    applied = await runMigrations(context.dataSource);
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError(
      `A database migration failed and was rolled back: ${(error as Error).message}`,
      'Run `npx pilote doctor`; if the database was changed by hand, restore it from a backup. Please report this.',
      'MIGRATION_FAILED',
    );
  }
  if (applied.length > 0) log(`Migrations applied: ${applied.length}`);
  if (!options.seed) return;
  const [{ count }] = (await context.dataSource.query(`SELECT count(*)::int AS count FROM territory`)) as { count: number }[];
  if (count > 0) return;
  // Checked again under a lock: another process started at the same time may be seeding.
  await seedInstance(context, log, { onlyIfEmpty: true });
}
