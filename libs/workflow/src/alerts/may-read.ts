import { subject as asSubject } from '@casl/ability';
import { buildAbility, type RoleRule, toScope, type Scope, territoryPath } from '@pilote/auth';
import type { EntityManager } from 'typeorm';

interface AssignmentRow {
  role_id: string;
  permissions: RoleRule[];
  scope_kind: Scope['kind'];
  scope_territory_code: string | null;
  scope_ids: string[];
}

/**
 * Whether an active user may read the dashboard of that policy in that territory now, with the
 * same rules as the guard (libs/auth). Fails closed: an unknown territory or no grant is false.
 */
export async function mayReadDashboard(db: EntityManager, userId: string, territoryCode: string, policyId: string): Promise<boolean> {
  const path = await territoryPath(db, territoryCode);
  if (path.length === 0) return false;
  const rows = (await db.query(
    `SELECT a.role_id, r.permissions, a.scope_kind, a.scope_territory_code, a.scope_ids
     FROM assignment a JOIN role r ON r.id = a.role_id JOIN app_user u ON u.id = a.user_id
     WHERE a.user_id = $1 AND a.revoked_at IS NULL AND u.status = 'active'`,
    [userId],
  )) as AssignmentRow[];
  if (rows.length === 0) return false;
  const ability = buildAbility({ grants: rows.map((row) => ({ roleId: row.role_id, rules: row.permissions, scope: toScope(row.scope_kind, row.scope_territory_code, row.scope_ids) })) });
  return ability.can('read', asSubject('Dashboard', { territoryPath: path, policyId }));
}
