import { subject as asSubject } from '@casl/ability';
import { buildAbility, type RoleRule, toScope, type Scope, scopeTerritory, territoryPath } from '@pilote/auth';
import type { EntityManager } from 'typeorm';

interface AssignmentRow {
  user_id: string;
  role_id: string;
  permissions: RoleRule[];
  scope_kind: Scope['kind'];
  scope_territory_code: string | null;
  scope_ids: string[];
  scope_policy_ids: string[];
  scope_taxonomy_ids: string[];
}

export interface RecipientQuery {
  action: string;
  subject: string;
  territoryCode: string;
  policyId?: string | null;
  /** The author of the change is never notified of their own action. */
  exclude?: (string | null)[];
}

/**
 * The people who may `action` the subject in that territory, keeping only the closest scope:
 * a submission in D13 goes to D13's validators; to R84's only if D13 has none, and so on up to
 * national (unrestricted) holders. Uses the same ability rules as the guard (libs/auth).
 */
export async function closestRightHolders(db: EntityManager, query: RecipientQuery): Promise<string[]> {
  const path = await territoryPath(db, query.territoryCode);
  if (path.length === 0) return [];
  const rows = (await db.query(
    `SELECT a.user_id, a.role_id, r.permissions, a.scope_kind, a.scope_territory_code, a.scope_ids, a.scope_policy_ids, a.scope_taxonomy_ids
     FROM assignment a JOIN role r ON r.id = a.role_id JOIN app_user u ON u.id = a.user_id
     WHERE a.revoked_at IS NULL AND u.status = 'active'`,
  )) as AssignmentRow[];
  const excluded = new Set(query.exclude?.filter((id): id is string => Boolean(id)));
  const distance = new Map<string, number>();
  const target = asSubject(query.subject, { territoryPath: path, ...(query.policyId ? { policyId: query.policyId } : {}) });
  for (const row of rows) {
    if (excluded.has(row.user_id)) continue;
    const scope = toScope(row.scope_kind, row.scope_territory_code, row.scope_ids, row.scope_policy_ids, row.scope_taxonomy_ids);
    const ability = buildAbility({ grants: [{ roleId: row.role_id, rules: row.permissions, scope }] });
    if (!ability.can(query.action, target)) continue;
    const code = scopeTerritory(scope);
    const d = code ? path.indexOf(code) : path.length;
    distance.set(row.user_id, Math.min(distance.get(row.user_id) ?? Number.POSITIVE_INFINITY, d));
  }
  if (distance.size === 0) return [];
  const closest = Math.min(...distance.values());
  return [...distance].filter(([, d]) => d === closest).map(([userId]) => userId).sort();
}
