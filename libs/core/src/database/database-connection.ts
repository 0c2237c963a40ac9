import path from 'node:path';
import { Client } from 'pg';
import { UserFacingError } from '../errors/user-facing-error';
import { DEFAULT_POOL_SIZE, redactUrl } from '../config/runtime-settings';
import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres } from './embedded-postgres';

export type DatabaseKind = 'postgresql' | 'pglite';

export interface DatabaseConnection {
  kind: DatabaseKind;
  url: string;
  poolSize: number;
  close(): Promise<void>;
}

/** `DATABASE_URL` set → that server; otherwise an embedded PGlite under the instance's data folder. */
export async function openDatabase(options: { databaseUrl?: string; dataDirectory: string; poolSize?: number }): Promise<DatabaseConnection> {
  if (options.databaseUrl) {
    await checkReachable(options.databaseUrl);
    return { kind: 'postgresql', url: options.databaseUrl, poolSize: options.poolSize ?? DEFAULT_POOL_SIZE, close: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres(path.join(options.dataDirectory, 'pgdata'));
  return { kind: 'pglite', url: embedded.url, poolSize: EMBEDDED_POOL_SIZE, close: () => embedded.close() };
}

async function checkReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new UserFacingError(
      `Cannot reach the database at ${redactUrl(url)}: ${(error as Error).message}`,
      'Check that PostgreSQL is running and that DATABASE_URL is right — or unset DATABASE_URL to use the embedded database.',
      'DATABASE_UNREACHABLE',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
