import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Where Debian puts the PostgreSQL 15 server programs (initdb, pg_ctl, pg_basebackup). */
const BIN = process.env.PILOTE_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface StreamingPair {
  primaryUrl: string;
  replicaUrl: string;
  /** The clusters' folders (their postmaster.pid gives the server processes, for CPU accounting). */
  primaryDirectory: string;
  replicaDirectory: string;
  /** Stops the standby only (immediate shutdown, as a crash would): the primary keeps running. */
  stopReplica(): void;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Who runs the clusters: this user unless it is root (initdb refuses root), then `postgres` through su. */
function runnerOf(): { run(command: string): void; uid?: number; gid?: number } | { skipped: string } {
  if (!existsSync(path.join(BIN, 'initdb'))) return { skipped: `no PostgreSQL server programs in ${BIN} (set PILOTE_PG_BIN)` };
  const direct = (command: string) => void execFileSync('bash', ['-c', command], { stdio: 'pipe' });
  if (process.getuid?.() !== 0) return { run: direct };
  let ids: string;
  try {
    ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim() + ':' + execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
  } catch {
    return { skipped: 'running as root and there is no postgres user to run initdb as' };
  }
  const [uid, gid] = ids.split(':').map(Number);
  return { run: (command: string) => void execFileSync('su', ['postgres', '-s', '/bin/bash', '-c', command], { stdio: 'pipe' }), uid, gid };
}

/**
 * A private PostgreSQL primary and a hot standby streaming from it (`pg_basebackup -R`), each on
 * its own free port, in a temporary folder — for tests of read replicas. Resolves `{ skipped }`
 * with the reason when this machine or user cannot start a cluster.
 */
export async function startStreamingPair(): Promise<StreamingPair | { skipped: string }> {
  const runner = runnerOf();
  if ('skipped' in runner) return runner;
  const directory = mkdtempSync(path.join(os.tmpdir(), 'pilote-replication-'));
  chmodSync(directory, 0o755);
  if (runner.uid !== undefined) chownSync(directory, runner.uid, runner.gid ?? runner.uid);
  const primary = path.join(directory, 'primary');
  const replica = path.join(directory, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const settings = (port: number) => `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${directory} -c wal_level=replica -c max_wal_senders=4 -c hot_standby=on -c fsync=off`;
  const started: string[] = [];
  const stop = () => {
    for (const folder of started.reverse()) {
      try {
        runner.run(`${BIN}/pg_ctl -D ${folder} -m immediate -w stop`);
      } catch {
        // already stopped
      }
    }
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    runner.run(`${BIN}/initdb -D ${primary} -U postgres --auth=trust --no-sync > ${directory}/initdb.log 2>&1`);
    runner.run(`${BIN}/pg_ctl -D ${primary} -l ${directory}/primary.log -o "${settings(primaryPort)}" -w start`);
    started.push(primary);
    runner.run(`${BIN}/pg_basebackup -h 127.0.0.1 -p ${primaryPort} -U postgres -D ${replica} -X stream -R --no-sync`);
    runner.run(`${BIN}/pg_ctl -D ${replica} -l ${directory}/replica.log -o "${settings(replicaPort)}" -w start`);
    started.push(replica);
  } catch (error) {
    const detail = (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
    stop();
    return { skipped: `could not start a primary and a streaming replica: ${detail}` };
  }
  const stopReplica = () => {
    runner.run(`${BIN}/pg_ctl -D ${replica} -m immediate -w stop`);
    started.splice(started.indexOf(replica), 1);
  };
  return { primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`, replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`, primaryDirectory: primary, replicaDirectory: replica, stopReplica, stop };
}
