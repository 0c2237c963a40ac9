import { UserFacingError } from '@pilote/core';
import { importMaxBytes } from '@pilote/import';

/** Hardening settings, from the environment only (see apps/api/src/security/README.md). */
export interface SecuritySettings {
  /** Origins allowed to call the API from a browser (CORS_ORIGINS, comma list); empty = CORS closed. */
  corsOrigins: string[];
  /** Requests per 15 minutes per client on /auth/* (PILOTE_RATE_LIMIT_AUTH; 0 = no limit). */
  authPer15Minutes: number;
  /** POST /api/v1/imports per 15 minutes per token or client (PILOTE_RATE_LIMIT_IMPORTS; 0 = no limit). */
  importsPer15Minutes: number;
  /** Express "trust proxy" (PILOTE_TRUST_PROXY: a hop count, "loopback", a subnet list…); rate limits then key on the real client. */
  trustProxy: string | number | false;
  /** The page is served over https: browsers are told to upgrade any http sub-request. */
  https: boolean;
  /** Largest request body outside imports (PILOTE_MAX_BODY_BYTES, default 1 MB), refused from its Content-Length. */
  maxBodyBytes: number;
  /** Largest import upload (PILOTE_IMPORT_MAX_BYTES, default 100 MB). */
  importMaxBytes: number;
  /** GraphQL cost of one request above which it is refused (PILOTE_GRAPHQL_MAX_COST). */
  graphqlMaxCost: number;
  /** GraphQL cost units a client may spend per minute (PILOTE_GRAPHQL_BUDGET_PER_MINUTE; 0 = no budget). */
  graphqlBudgetPerMinute: number;
  /**
   * Where limits and budgets count (PILOTE_RATE_LIMIT_STORE): `database` (shared by every replica)
   * or `memory` (this process only). Unset: the database on PostgreSQL, memory on the embedded one.
   */
  limitStore?: 'database' | 'memory';
  /** GraphiQL is served (development, or PILOTE_GRAPHQL_INTROSPECTION=true): its page loads scripts the CSP would block. */
  graphiql: boolean;
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new UserFacingError(`${name} must be a whole number of requests, got "${raw}"`, `Example: ${name}=${fallback} (0 turns the limit off)`, 'CONFIG_INVALID');
  return value;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new UserFacingError(`${name} must be a positive whole number, got "${raw}"`, `Example: ${name}=${fallback}`, 'CONFIG_INVALID');
  return value;
}

/**
 * Per request (apps/api/src/graphql/query-cost.ts): 5 root fields. The web app's queries have one
 * or two (≤ 2,100 with a page of 500 territories); one request holds the database ~5 × 15 ms at most.
 */
export const DEFAULT_GRAPHQL_MAX_COST = 5_000;

/**
 * 60 heavy root fields a minute, half of it at once: a page of the web app opened from a link
 * costs ~2,600 (one `home` ~1,150, two pages of 500 territories ~600 each, light queries declared
 * with LIGHT_QUERY_COST), a navigation inside the app ~1,150; a storm gets 12 of its costliest
 * requests a minute. 20,000 with every root at 1,000 broke the dashboard of a reader opening 10
 * pages in 12 s. Storm figures for both: docs/benchmarks.md, "Abuse".
 */
export const DEFAULT_GRAPHQL_BUDGET_PER_MINUTE = 60_000;

export function graphqlIntrospectionEnabled(env: NodeJS.ProcessEnv, production: boolean): boolean {
  return !production || env.PILOTE_GRAPHQL_INTROSPECTION === 'true';
}

export function readSecuritySettings(env: NodeJS.ProcessEnv, options: { production: boolean }): SecuritySettings {
  const corsOrigins = (env.CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim().replace(/\/+$/, '')).filter(Boolean);
  for (const origin of corsOrigins) {
    let valid = false;
    try {
      const url = new URL(origin);
      valid = (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === origin;
    } catch {
      valid = false;
    }
    if (!valid) throw new UserFacingError(`CORS_ORIGINS has "${origin}", which is not an origin`, 'Example: CORS_ORIGINS=https://pilote.example.gouv.fr,https://data.example.gouv.fr (scheme + host [+ port], no path)', 'CONFIG_INVALID');
  }
  const proxy = env.PILOTE_TRUST_PROXY?.trim();
  const limitStore = env.PILOTE_RATE_LIMIT_STORE?.trim();
  if (limitStore && limitStore !== 'database' && limitStore !== 'memory') {
    throw new UserFacingError(`PILOTE_RATE_LIMIT_STORE must be "database" or "memory", got "${limitStore}"`, 'Example: PILOTE_RATE_LIMIT_STORE=database (limits shared by every replica)', 'CONFIG_INVALID');
  }
  return {
    limitStore: limitStore ? (limitStore as 'database' | 'memory') : undefined,
    corsOrigins,
    authPer15Minutes: count(env, 'PILOTE_RATE_LIMIT_AUTH', 300),
    importsPer15Minutes: count(env, 'PILOTE_RATE_LIMIT_IMPORTS', 120),
    maxBodyBytes: positive(env, 'PILOTE_MAX_BODY_BYTES', 1024 * 1024),
    importMaxBytes: importMaxBytes(env),
    graphqlMaxCost: positive(env, 'PILOTE_GRAPHQL_MAX_COST', DEFAULT_GRAPHQL_MAX_COST),
    graphqlBudgetPerMinute: count(env, 'PILOTE_GRAPHQL_BUDGET_PER_MINUTE', DEFAULT_GRAPHQL_BUDGET_PER_MINUTE),
    trustProxy: !proxy || proxy === 'false' ? false : /^\d+$/.test(proxy) ? Number(proxy) : proxy,
    https: (env.PUBLIC_URL ?? '').trim().startsWith('https://'),
    graphiql: graphqlIntrospectionEnabled(env, options.production),
  };
}
