import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { DatabaseConnection } from '../database/database-connection';
import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres } from '../database/embedded-postgres';
import { readMigrationStatus } from '../database/migration-status';
import { testInstance } from '../testing/test-instance';
import { testSettings } from '../testing/test-context';
import { type TestTemplate, withDatabase } from '../testing/test-template';
import { closeKitContext, openKitContext } from './open-kit-context';
import { prepareDatabase } from './prepare-database';

const template = JSON.parse(process.env.PILOTE_TEST_TEMPLATE ?? '{}') as TestTemplate;

/** A new, empty database (no schema): what a first deployment starts on. */
async function freshDatabase(): Promise<DatabaseConnection & { drop(): Promise<void> }> {
  if (template.kind === 'pglite') {
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'pilote-start-'));
    const embedded = await startEmbeddedPostgres(path.join(workDir, 'pgdata'));
    const drop = async () => {
      await embedded.close();
      rmSync(workDir, { recursive: true, force: true });
    };
    return { kind: 'pglite', url: embedded.url, poolSize: EMBEDDED_POOL_SIZE, close: async () => undefined, drop };
  }
  const name = `pilote_start_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: template.serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  return { kind: 'postgresql', url: withDatabase(template.serverUrl, name), poolSize: 4, close: async () => undefined, drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/**
 * Issue 14: two processes started together on a new database — before the migration lock, one
 * died in its first migration (duplicate key in pg_type_typname_nsp_index). Now one migrates and
 * seeds, the other waits, and both serve. On PostgreSQL: two kit contexts with their own pools,
 * as two processes have. The embedded PGlite serves one process (its directory is locked), so
 * there: two starts in one process on its single pooled connection, which must not wait forever.
 */
describe('two starts at once on a new database', () => {
  it('one migrates and seeds, the other waits, both serve', async () => {
    const database = await freshDatabase();
    const instance = testInstance();
    const contexts = await Promise.all(
      (template.kind === 'pglite' ? [0] : [0, 1]).map(() => openKitContext(testSettings(), { instance, database })),
    );
    const starts = template.kind === 'pglite' ? [contexts[0], contexts[0]] : contexts;
    try {
      const logs = starts.map(() => [] as string[]);
      const outcomes = await Promise.allSettled(starts.map((context, i) => prepareDatabase(context, { seed: true, log: (line) => logs[i].push(line) })));
      expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual(['ok', 'ok']);
      const migrationCount = contexts[0].dataSource.migrations.length;
      const applied = logs.map((lines) => lines.find((line) => line.startsWith('Migrations applied')) ?? 'none').sort();
      expect(applied).toEqual([`Migrations applied: ${migrationCount}`, 'none']);
      expect(logs.flat().filter((line) => line.startsWith('First-start seed done'))).toHaveLength(1);
      for (const context of contexts) {
        expect((await readMigrationStatus(context.dataSource)).pending).toEqual([]);
        const [{ count }] = (await context.dataSource.query(`SELECT count(*)::int AS count FROM territory WHERE code = 'FRANCE'`)) as { count: number }[];
        expect(count).toBe(1);
      }
    } finally {
      for (const context of contexts) await closeKitContext(context);
      await database.drop();
    }
  }, 180_000);
});
