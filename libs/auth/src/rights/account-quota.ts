import type { EntityManager } from 'typeorm';
import { AuthError } from '../errors/auth-error';

export interface QuotaBucket {
  code: string;
  name: string;
  level: string;
  max: number;
  /** `rights.quotas.<LEVEL>` or `territory_quota` (a per-territory override). */
  source: string;
}

/**
 * The territory whose quota an account on `territoryCode` counts against: the nearest
 * territory (itself or an ancestor) of a level listed in `rights.quotas` or with its own override.
 * A commune's account counts in its département; a région's own staff in the région.
 */
export async function quotaBucket(db: EntityManager, territoryCode: string, quotas: Record<string, number>): Promise<QuotaBucket | null> {
  const rows = (await db.query(
    `SELECT t.code, t.name, t.level, q.max_accounts
     FROM territory_ancestor a JOIN territory t ON t.code = a.ancestor_code LEFT JOIN territory_quota q ON q.territory_code = t.code
     WHERE a.territory_code = $1 AND (t.level = ANY($2::text[]) OR q.max_accounts IS NOT NULL)
     ORDER BY a.depth LIMIT 1`,
    [territoryCode, Object.keys(quotas)],
  )) as { code: string; name: string; level: string; max_accounts: number | null }[];
  const row = rows[0];
  if (!row) return null;
  return row.max_accounts !== null
    ? { code: row.code, name: row.name, level: row.level, max: row.max_accounts, source: `territory_quota (${row.code})` }
    : { code: row.code, name: row.name, level: row.level, max: quotas[row.level], source: `rights.quotas.${row.level}` };
}

/** Active accounts counted in a bucket: active users with a live assignment whose nearest quota territory is it. */
export async function accountsInBucket(db: EntityManager, bucket: QuotaBucket, quotaLevels: string[]): Promise<string[]> {
  const rows = (await db.query(
    `SELECT DISTINCT x.user_id FROM assignment x
     JOIN app_user u ON u.id = x.user_id AND u.status = 'active'
     JOIN territory_ancestor a ON a.territory_code = x.scope_territory_code AND a.ancestor_code = $1
     WHERE x.revoked_at IS NULL AND x.scope_territory_code IS NOT NULL
       AND NOT EXISTS (
         SELECT 1 FROM territory_ancestor b JOIN territory t ON t.code = b.ancestor_code
         LEFT JOIN territory_quota q ON q.territory_code = t.code
         WHERE b.territory_code = x.scope_territory_code AND b.depth < a.depth
           AND (t.level = ANY($2::text[]) OR q.max_accounts IS NOT NULL))`,
    [bucket.code, quotaLevels],
  )) as { user_id: string }[];
  return rows.map((row) => row.user_id);
}

/**
 * Refuses (409 QUOTA_REACHED) to make `userId` a new active account of a territory that already
 * has its quota. Giving one more role to someone already counted there is not a new account.
 */
export async function assertQuota(db: EntityManager, input: { territoryCode: string; userId: string | null; quotas: Record<string, number> }): Promise<void> {
  const bucket = await quotaBucket(db, input.territoryCode, input.quotas);
  if (!bucket) return;
  // Serialises concurrent grants in the same bucket so two managers cannot both take the last seat.
  await db.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`pilote-quota:${bucket.code}`]);
  const accounts = await accountsInBucket(db, bucket, Object.keys(input.quotas));
  if (input.userId && accounts.includes(input.userId)) return;
  if (accounts.length >= bucket.max) {
    throw new AuthError(
      409,
      'QUOTA_REACHED',
      `${bucket.name} (${bucket.code}) already has ${accounts.length} active accounts: its quota is ${bucket.max} (${bucket.source}). Revoke an account there, or ask the instance administrator to raise the quota.`,
      'scope',
      { quota: 'accounts', territoryCode: bucket.code, territoryName: bucket.name, limit: bucket.max, used: accounts.length, source: bucket.source },
    );
  }
}
