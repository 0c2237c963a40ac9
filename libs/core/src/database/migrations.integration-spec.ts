import { createDataSource } from './data-source';
import { readMigrationStatus, runMigrations } from './migration-status';
import { createTestDatabase } from '../testing/test-database';

describe('migrations', () => {
  it('are all applied on the template, and a second run applies nothing', async () => {
    const database = await createTestDatabase();
    const dataSource = createDataSource({ url: database.url, poolSize: 2 });
    await dataSource.initialize();
    try {
      const status = await readMigrationStatus(dataSource);
      expect(status.pending).toEqual([]);
      expect(status.applied.length).toBe(dataSource.migrations.length);
      expect(await runMigrations(dataSource)).toEqual([]);
    } finally {
      await dataSource.destroy();
      await database.close();
    }
  });

  it('can be reverted down to an empty schema and re-applied (PostgreSQL 15 and PGlite 18 alike)', async () => {
    const database = await createTestDatabase();
    const dataSource = createDataSource({ url: database.url, poolSize: 2 });
    await dataSource.initialize();
    try {
      await dataSource.query('DELETE FROM territory_ancestor');
      await dataSource.query('DELETE FROM territory');
      for (let i = 0; i < dataSource.migrations.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
      const tables = (await dataSource.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename = 'territory'`)) as { n: number }[];
      expect(tables[0].n).toBe(0);
      expect((await runMigrations(dataSource)).length).toBe(dataSource.migrations.length);
    } finally {
      await dataSource.destroy();
      await database.close();
    }
  });
});
