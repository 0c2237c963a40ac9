import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../database/data-source';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { runMigrations } from '../database/migration-status';
import { buildFrenchTerritories } from '../territories/french-territories';
import { upsertTerritories } from '../territories/territory-writer';

export type TestTemplate =
  | { kind: 'pglite'; directory: string }
  | { kind: 'postgresql'; serverUrl: string; database: string };

export const TEST_LEVELS = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];

/**
 * The template holds the migrated schema and every French territory. Its PGlite directory is
 * keyed by a hash of the migrations, so it is rebuilt only when they change.
 */
export async function prepareTestTemplate(): Promise<TestTemplate> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) return preparePostgresTemplate(databaseUrl);
  const directory = path.join(os.tmpdir(), `pilote-test-template-${schemaHash()}`);
  if (existsSync(path.join(directory, 'PG_VERSION'))) return { kind: 'pglite', directory };
  const building = `${directory}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(path.dirname(building), { recursive: true });
  const embedded = await startEmbeddedPostgres(building);
  try {
    await fillTemplate(embedded.url, 2);
  } finally {
    await embedded.close();
  }
  if (!existsSync(directory)) renameSync(building, directory);
  else rmSync(building, { recursive: true, force: true });
  return { kind: 'pglite', directory };
}

export async function disposeTestTemplate(template: TestTemplate): Promise<void> {
  if (template.kind !== 'postgresql') return; // the PGlite template is kept for the next run
  const admin = new Client({ connectionString: template.serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${template.database}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function preparePostgresTemplate(serverUrl: string): Promise<TestTemplate> {
  const database = `pilote_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  await fillTemplate(withDatabase(serverUrl, database), 4);
  return { kind: 'postgresql', serverUrl, database };
}

async function fillTemplate(url: string, poolSize: number): Promise<void> {
  const dataSource = createDataSource({ url, poolSize });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    await dataSource.transaction((manager) => upsertTerritories(manager, buildFrenchTerritories(TEST_LEVELS)));
  } finally {
    await dataSource.destroy();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function schemaHash(): string {
  const hash = createHash('sha256');
  const migrationsDir = path.join(__dirname, '../database/migrations');
  for (const file of readdirSync(migrationsDir).sort()) hash.update(readFileSync(path.join(migrationsDir, file)));
  hash.update(readFileSync(path.join(__dirname, '../territories/french-territories.ts')));
  return hash.digest('hex').slice(0, 12);
}
