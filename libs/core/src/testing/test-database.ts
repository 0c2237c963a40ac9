import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { DatabaseConnection } from '../database/database-connection';
import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres } from '../database/embedded-postgres';
import { type TestTemplate, withDatabase } from './test-template';

let counter = 0;

function readTemplate(): TestTemplate {
  const raw = process.env.PILOTE_TEST_TEMPLATE;
  if (!raw) throw new Error('No test template: run tests through `npm test` (jest.config.cjs sets up the template).');
  return JSON.parse(raw) as TestTemplate;
}

/** A fresh database for one test file, copied from the run's template; `close()` discards it. */
export async function createTestDatabase(): Promise<DatabaseConnection> {
  const template = readTemplate();
  if (template.kind === 'pglite') {
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'pilote-test-'));
    const directory = path.join(workDir, 'pgdata');
    cpSync(template.directory, directory, { recursive: true });
    const embedded = await startEmbeddedPostgres(directory);
    return {
      kind: 'pglite',
      url: embedded.url,
      poolSize: EMBEDDED_POOL_SIZE,
      close: async () => {
        await embedded.close();
        rmSync(workDir, { recursive: true, force: true });
      },
    };
  }
  counter += 1;
  const database = `pilote_test_${process.pid}_${counter}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: template.serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${template.database}"`);
  } finally {
    await admin.end();
  }
  return {
    kind: 'postgresql',
    url: withDatabase(template.serverUrl, database),
    poolSize: 10,
    close: async () => {
      const dropper = new Client({ connectionString: template.serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
