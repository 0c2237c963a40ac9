import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createDataSource } from './data-source';
import { MigrationFailedError, readMigrationStatus, runMigrations } from './migration-status';
import { createTestDatabase } from '../testing/test-database';

class AddUpgradeProbe1799000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE upgrade_probe (id int PRIMARY KEY)`);
    await runner.query(`ALTER TABLE territory ADD COLUMN upgrade_note text`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE territory DROP COLUMN upgrade_note`);
    await runner.query(`DROP TABLE upgrade_probe`);
  }
}

class BrokenUpgrade1799000000100 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`INSERT INTO table_that_does_not_exist VALUES (1)`);
  }
  async down(): Promise<void> {}
}

const exists = async (dataSource: { query(sql: string): Promise<unknown> }, sql: string) => ((await dataSource.query(sql)) as { present: boolean }[])[0].present;

describe('an upgrade whose migrations include a failing one', () => {
  it('names the failing migration and leaves the database as it was, the earlier migration of the run included', async () => {
    const database = await createTestDatabase();
    const dataSource = createDataSource({ url: database.url, poolSize: 2, moduleMigrations: [AddUpgradeProbe1799000000000, BrokenUpgrade1799000000100] });
    await dataSource.initialize();
    try {
      const failure = await runMigrations(dataSource).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MigrationFailedError);
      expect((failure as MigrationFailedError).message).toMatch(/^Migration BrokenUpgrade1799000000100 failed: .*table_that_does_not_exist.*the database is unchanged\.$/);
      expect(await exists(dataSource, `SELECT to_regclass('public.upgrade_probe') IS NOT NULL AS present`)).toBe(false);
      expect(await exists(dataSource, `SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'territory' AND column_name = 'upgrade_note') AS present`)).toBe(false);
      expect((await readMigrationStatus(dataSource)).pending).toEqual(['AddUpgradeProbe1799000000000', 'BrokenUpgrade1799000000100']);
      // The lock was released: the same connection pool can migrate again once the broken one is gone.
      const fixed = createDataSource({ url: database.url, poolSize: 2, moduleMigrations: [AddUpgradeProbe1799000000000] });
      await fixed.initialize();
      try {
        expect(await runMigrations(fixed)).toEqual(['AddUpgradeProbe1799000000000']);
        expect(await exists(fixed, `SELECT to_regclass('public.upgrade_probe') IS NOT NULL AS present`)).toBe(true);
      } finally {
        await fixed.destroy();
      }
    } finally {
      await dataSource.destroy();
      await database.close();
    }
  });
});
