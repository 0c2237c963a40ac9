import type { EntityManager } from 'typeorm';
import { type AuditActor, audit } from '../audit/audit';
import { AuthError, badInput } from '../errors/auth-error';
import { quotaBucket, type QuotaBucket } from './account-quota';

/** Quota settings of an instance: accounts per territory level, holders per role (`rights` in pilote.config.ts). */
export interface QuotaSettings {
  quotas: Record<string, number>;
  roleQuotas: Record<string, number>;
}

export interface RoleQuotaView {
  roleId: string;
  /** The quota territory (nearest département/région… of the scope) the count is made in. */
  territoryCode: string;
  territoryName: string;
  max: number;
  used: number;
  source: 'config' | 'override';
  overriddenByEmail: string | null;
  reason: string | null;
  setAt: Date | null;
}

interface OverrideRow {
  role_id: string;
  max_accounts: number;
  reason: string;
  email: string | null;
  set_at: Date;
}

async function overridesIn(db: EntityManager, territoryCode: string): Promise<OverrideRow[]> {
  return (await db.query(
    `SELECT o.role_id, o.max_accounts, o.reason, u.email, o.set_at FROM role_quota_override o LEFT JOIN app_user u ON u.id = o.set_by WHERE o.territory_code = $1`,
    [territoryCode],
  )) as OverrideRow[];
}

/** Active holders of a role whose scope's territory lies in the bucket's subtree (each person once). */
export async function roleHolders(db: EntityManager, roleId: string, bucketCode: string): Promise<string[]> {
  const rows = (await db.query(
    `SELECT DISTINCT x.user_id FROM assignment x
     JOIN app_user u ON u.id = x.user_id AND u.status = 'active'
     JOIN territory_ancestor a ON a.territory_code = x.scope_territory_code AND a.ancestor_code = $2
     WHERE x.revoked_at IS NULL AND x.role_id = $1`,
    [roleId, bucketCode],
  )) as { user_id: string }[];
  return rows.map((row) => row.user_id);
}

/** The role quotas that apply in the quota territory of `territoryCode`, with their use; empty outside any quota territory. */
export async function roleQuotasAt(db: EntityManager, territoryCode: string, settings: QuotaSettings): Promise<{ bucket: QuotaBucket | null; roles: RoleQuotaView[] }> {
  const bucket = await quotaBucket(db, territoryCode, settings.quotas);
  if (!bucket) return { bucket: null, roles: [] };
  const overrides = new Map((await overridesIn(db, bucket.code)).map((row) => [row.role_id, row]));
  const roleIds = [...new Set([...Object.keys(settings.roleQuotas), ...overrides.keys()])].sort();
  const roles: RoleQuotaView[] = [];
  for (const roleId of roleIds) {
    const override = overrides.get(roleId);
    roles.push({
      roleId,
      territoryCode: bucket.code,
      territoryName: bucket.name,
      max: override ? override.max_accounts : settings.roleQuotas[roleId],
      used: (await roleHolders(db, roleId, bucket.code)).length,
      source: override ? 'override' : 'config',
      overriddenByEmail: override?.email ?? null,
      reason: override?.reason ?? null,
      setAt: override?.set_at ?? null,
    });
  }
  return { bucket, roles };
}

/**
 * Refuses (409 QUOTA_REACHED) to give `roleId` to one more person in a quota territory that
 * already has its quota of holders of that role. Someone who already holds it there is not one more.
 */
export async function assertRoleQuota(db: EntityManager, input: { roleId: string; territoryCode: string; userId: string | null; settings: QuotaSettings }): Promise<void> {
  const { bucket, roles } = await roleQuotasAt(db, input.territoryCode, input.settings);
  const quota = roles.find((role) => role.roleId === input.roleId);
  if (!bucket || !quota) return;
  // Serialises concurrent grants of this role in this territory, so two managers cannot take the last seat.
  await db.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`pilote-role-quota:${bucket.code}:${input.roleId}`]);
  const holders = await roleHolders(db, input.roleId, bucket.code);
  if (input.userId && holders.includes(input.userId)) return;
  if (holders.length >= quota.max) {
    const source = quota.source === 'override' ? `set by ${quota.overriddenByEmail ?? 'an administrator'}: ${quota.reason ?? ''}` : `rights.roleQuotas.${input.roleId}`;
    throw new AuthError(
      409,
      'QUOTA_REACHED',
      `${bucket.name} (${bucket.code}) already has ${holders.length} people with the role "${input.roleId}": its quota is ${quota.max} (${source}). Revoke one, or ask an administrator to raise this quota.`,
      'roleId',
      { quota: 'role', roleId: input.roleId, territoryCode: bucket.code, territoryName: bucket.name, limit: quota.max, used: holders.length, source: quota.source },
    );
  }
}

/** An administrator sets the quota of a role in a quota territory (audited old → new, with who and why). */
export async function overrideRoleQuota(
  db: EntityManager,
  input: { territoryCode: string; roleId: string; max: number; reason: string; setBy: string | null; actor: AuditActor; settings: QuotaSettings },
): Promise<RoleQuotaView> {
  const reason = input.reason.trim();
  if (!reason) throw badInput('reason', 'Say why this quota changes: the reason is shown next to it.');
  if (reason.length > 2000) throw badInput('reason', `A reason is at most 2000 characters (got ${reason.length}).`);
  if (!Number.isInteger(input.max) || input.max < 0 || input.max > 100_000) throw badInput('max', `A quota is a whole number from 0 to 100000 (got ${input.max}).`);
  const role = (await db.query(`SELECT id FROM role WHERE id = $1`, [input.roleId])) as { id: string }[];
  if (!role[0] || input.roleId === 'public') throw badInput('roleId', `No role "${input.roleId}".`);
  const bucket = await quotaBucket(db, input.territoryCode, input.settings.quotas);
  if (!bucket) throw badInput('territoryCode', `"${input.territoryCode}" is not inside a quota territory (levels ${Object.keys(input.settings.quotas).join(', ')}): role quotas are counted there.`);
  const before = (await roleQuotasAt(db, bucket.code, input.settings)).roles.find((r) => r.roleId === input.roleId) ?? null;
  await db.query(
    `INSERT INTO role_quota_override (territory_code, role_id, max_accounts, reason, set_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (territory_code, role_id) DO UPDATE SET max_accounts = EXCLUDED.max_accounts, reason = EXCLUDED.reason, set_by = EXCLUDED.set_by, set_at = now()`,
    [bucket.code, input.roleId, input.max, reason, input.setBy],
  );
  await audit(db, {
    actor: input.actor,
    action: 'role-quota.overridden',
    subjectType: 'RoleQuota',
    subjectId: `${bucket.code}:${input.roleId}`,
    old: before ? { max: before.max, source: before.source, reason: before.reason } : null,
    new: { max: input.max, source: 'override', reason, setBy: input.setBy },
    territoryCode: bucket.code,
  });
  return (await roleQuotasAt(db, bucket.code, input.settings)).roles.find((r) => r.roleId === input.roleId)!;
}
