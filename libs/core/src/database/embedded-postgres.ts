import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { UserFacingError } from '../errors/user-facing-error';

/** Connections the socket server accepts (the kit's pool, plus a test's or a tool's own client). */
export const EMBEDDED_MAX_CONNECTIONS = 8;

/**
 * The kit's pool holds ONE connection to PGlite. pglite-socket queues each protocol message on its
 * own, so two connections' extended queries (Parse/Bind/Execute/Sync) can interleave on PGlite's
 * single session when a message spans several TCP chunks: errors ("portal does not exist") and, worse,
 * one query answered with another's rows (embedded-postgres.integration-spec.ts shows it with a pool
 * of 8). PGlite runs one statement at a time anyway, so one connection costs no throughput.
 */
export const EMBEDDED_POOL_SIZE = 1;

/**
 * PGlite's start parameters, with PostgreSQL's page cache (shared_buffers, 128MB as initdb writes it,
 * held in PGlite's WebAssembly memory) set by PILOTE_EMBEDDED_SHARED_BUFFERS (a PostgreSQL size:
 * `32MB`). Measured on the demo (issue 17): 16MB takes the process from 432 to 329–340 MB RSS after
 * start, but the home query was slower in the same runs (p50 12 → 20–201 ms, under a load of 15 on
 * 2 cores): the default stays initdb's until a quiet machine settles the trade.
 */
export function embeddedStartParams(env: NodeJS.ProcessEnv = process.env): string[] {
  const given = env.PILOTE_EMBEDDED_SHARED_BUFFERS?.trim();
  if (!given) return PGlite.defaultStartParams;
  if (!/^\d+(kB|MB|GB)$/.test(given)) {
    throw new UserFacingError(`PILOTE_EMBEDDED_SHARED_BUFFERS must be a PostgreSQL size such as 32MB, got "${given}"`, 'Set it to a number followed by kB, MB or GB, or remove it.', 'CONFIG_INVALID');
  }
  return [...PGlite.defaultStartParams, '-c', `shared_buffers=${given}`];
}

export interface EmbeddedPostgres {
  url: string;
  dataDirectory: string;
  /** Stops accepting connections, then flushes and closes the database. */
  close(): Promise<void>;
}

/**
 * Opens (or creates) a PGlite cluster in `dataDirectory` and serves it on 127.0.0.1 through the
 * PostgreSQL wire protocol, so the rest of the kit talks to it with the ordinary `pg` driver.
 */
export async function startEmbeddedPostgres(dataDirectory: string): Promise<EmbeddedPostgres> {
  const directory = path.resolve(dataDirectory);
  const startParams = embeddedStartParams(); // a bad setting is said as such, before the folder is locked
  ensureWritable(directory);
  const lockFile = `${directory}.lock`;
  acquireLock(lockFile);
  let db: PGlite;
  try {
    db = await PGlite.create({ dataDir: directory, startParams });
  } catch (error) {
    releaseLock(lockFile);
    throw new UserFacingError(
      `The embedded database in ${directory} could not be opened: ${(error as Error).message}`,
      'If the folder is damaged, move it away (your data lives there) and start again to create a new one.',
      'DATABASE_UNAVAILABLE',
    );
  }
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: EMBEDDED_MAX_CONNECTIONS });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  let closed = false;
  return {
    url,
    dataDirectory: directory,
    async close() {
      if (closed) return;
      closed = true;
      await server.stop();
      await db.close();
      releaseLock(lockFile);
    },
  };
}

function ensureWritable(directory: string): void {
  // Probe by writing: access(W_OK) says yes to root even where nothing can be created (/proc, read-only mounts).
  const probe = path.join(directory, `.write-test-${process.pid}`);
  try {
    makeDirectory(directory);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch {
    throw new UserFacingError(
      `The data folder ${path.dirname(directory)} is not writable`,
      'Give the user running PILOTE write access to it, or set PILOTE__DATA__DIRECTORY to a writable folder, or set DATABASE_URL to use a PostgreSQL server.',
      'DATA_DIRECTORY_UNWRITABLE',
    );
  }
}

/** mkdir -p one level at a time: Node's recursive mkdirSync spins forever under /proc. */
function makeDirectory(directory: string): void {
  const missing: string[] = [];
  let current = directory;
  while (!existsSync(current)) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const dir of missing) mkdirSync(dir);
}

/** PGlite is single-process: two servers on one folder would corrupt it. */
function acquireLock(lockFile: string): void {
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new UserFacingError(
        `The embedded database is already in use by process ${pid} (${lockFile})`,
        'Stop the other PILOTE process first, or start this one with another instance folder or DATABASE_URL.',
        'DATABASE_LOCKED',
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
}

function releaseLock(lockFile: string): void {
  rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
