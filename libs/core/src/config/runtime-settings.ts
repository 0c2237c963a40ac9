import path from 'node:path';
import { UserFacingError } from '../errors/user-facing-error';

/** Settings that come only from the environment (secrets, ports, deployment). */
export interface RuntimeSettings {
  instanceDirectory: string;
  port: number;
  databaseUrl?: string;
  /** Connections this process may open to PostgreSQL (PILOTE_DATABASE_POOL_SIZE; default 20). The embedded database always uses one. */
  poolSize?: number;
  /** A streaming replica for dashboard reads (DATABASE_REPLICA_URL; PostgreSQL only): ADR 034. */
  replicaUrl?: string;
  /** A replica further behind than this is skipped (PILOTE_REPLICA_MAX_LAG_SECONDS; default 30). */
  replicaMaxLagSeconds?: number;
  production: boolean;
}

export const DEFAULT_POOL_SIZE = 20;
/** More than this per process is almost surely a typo (PostgreSQL's own default max_connections is 100). */
const MAX_POOL_SIZE = 500;

export function readRuntimeSettings(env: NodeJS.ProcessEnv = process.env, argv: string[] = []): RuntimeSettings {
  const instanceFlag = readFlag(argv, '--instance');
  const instanceDirectory = path.resolve(instanceFlag ?? env.PILOTE_INSTANCE ?? 'examples/demo');
  const portText = readFlag(argv, '--port') ?? env.PORT ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UserFacingError(`PORT must be a number between 0 and 65535, got "${portText}"`, 'Set PORT=3000 (or any free port).', 'CONFIG_INVALID');
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new UserFacingError(
      `DATABASE_URL must start with postgres:// or postgresql://, got "${redactUrl(databaseUrl)}"`,
      'Example: DATABASE_URL=postgres://user:password@localhost:5432/pilote — or unset it to use the embedded database.',
      'CONFIG_INVALID',
    );
  }
  const poolText = env.PILOTE_DATABASE_POOL_SIZE?.trim();
  let poolSize: number | undefined;
  if (poolText) {
    poolSize = Number(poolText);
    if (!Number.isInteger(poolSize) || poolSize < 2 || poolSize > MAX_POOL_SIZE) {
      throw new UserFacingError(
        `PILOTE_DATABASE_POOL_SIZE must be a whole number from 2 to ${MAX_POOL_SIZE}, got "${poolText}"`,
        `Set it to the connections one process may open (default ${DEFAULT_POOL_SIZE}); replicas × pool size must stay under the server's max_connections.`,
        'CONFIG_INVALID',
      );
    }
  }
  const replica = readReplicaSettings(env, databaseUrl);
  return { instanceDirectory, port, databaseUrl, ...(poolSize !== undefined ? { poolSize } : {}), ...replica, production: env.NODE_ENV === 'production' };
}

export const DEFAULT_REPLICA_MAX_LAG_SECONDS = 30;

function readReplicaSettings(env: NodeJS.ProcessEnv, databaseUrl: string | undefined): Pick<RuntimeSettings, 'replicaUrl' | 'replicaMaxLagSeconds'> {
  const replicaUrl = env.DATABASE_REPLICA_URL?.trim() || undefined;
  if (!replicaUrl) return {};
  if (!/^postgres(ql)?:\/\//.test(replicaUrl)) {
    throw new UserFacingError(
      `DATABASE_REPLICA_URL must start with postgres:// or postgresql://, got "${redactUrl(replicaUrl)}"`,
      'Give the address of a hot standby of DATABASE_URL\'s server — or unset it to read everything from DATABASE_URL.',
      'CONFIG_INVALID',
    );
  }
  if (!databaseUrl) {
    throw new UserFacingError(
      'DATABASE_REPLICA_URL is set but DATABASE_URL is not: the embedded database has no replica',
      'Set DATABASE_URL to the primary PostgreSQL server, or unset DATABASE_REPLICA_URL.',
      'CONFIG_INVALID',
    );
  }
  const lagText = env.PILOTE_REPLICA_MAX_LAG_SECONDS?.trim();
  const replicaMaxLagSeconds = lagText ? Number(lagText) : DEFAULT_REPLICA_MAX_LAG_SECONDS;
  if (!Number.isFinite(replicaMaxLagSeconds) || replicaMaxLagSeconds <= 0 || replicaMaxLagSeconds > 3600) {
    throw new UserFacingError(
      `PILOTE_REPLICA_MAX_LAG_SECONDS must be a number of seconds from 1 to 3600, got "${lagText}"`,
      `Set how far behind the replica may be before reads go back to the primary (default ${DEFAULT_REPLICA_MAX_LAG_SECONDS}).`,
      'CONFIG_INVALID',
    );
  }
  return { replicaUrl, replicaMaxLagSeconds };
}

function readFlag(argv: string[], flag: string): string | undefined {
  const index = argv.findIndex((arg) => arg === flag || arg.startsWith(`${flag}=`));
  if (index < 0) return undefined;
  const arg = argv[index];
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
}

/** Never print a password. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]+@/, '//$1:***@');
}
