import type { EntityManager } from 'typeorm';
import { rootsCondition } from '../ability/scope-condition';
import { territoryRoots } from '../ability/territory-scope';
import { forbidden } from '../errors/auth-error';
import { assertCan } from '../identity/assert-can';
import { displayNameOf } from '../identity/identity-loader';
import type { RequestIdentity } from '../identity/request-identity';
import { accountsInBucket, quotaBucket } from './account-quota';
import { type AssignmentView, listAssignments } from './assignment.service';
import { canOnScope } from './manager-scope';
import { roleQuotasAt, type QuotaSettings, type RoleQuotaView } from './role-quota';

export interface RightsAccountView {
  id: string;
  email: string;
  displayName: string;
  status: string;
  lastLoginAt: Date | null;
  assignments: AssignmentView[];
}

interface AccountRow {
  id: string;
  email: string;
  given_name: string | null;
  usual_name: string | null;
  status: string;
  last_login_at: Date | null;
}

/**
 * Accounts inside the caller's administration scope: a national administrator sees every account,
 * a scoped one only the accounts holding an active right in their subtree (and only those rights).
 * `search` matches the e-mail or the name.
 */
export async function listRightsAccounts(
  db: EntityManager,
  identity: RequestIdentity,
  input: { search?: string | null; first?: number | null; offset?: number | null },
): Promise<{ totalCount: number; nodes: RightsAccountView[] }> {
  assertCan(identity, 'read', 'Assignment');
  const first = Math.min(Math.max(input.first ?? 50, 1), 200);
  const offset = Math.max(input.offset ?? 0, 0);
  const roots = territoryRoots(identity.ability, 'read', 'Assignment');
  const params: unknown[] = [];
  const where: string[] = [];
  if (roots !== null) {
    const scoped = rootsCondition(roots, 'x.scope_territory_code', params.length + 1);
    params.push(...scoped.params);
    where.push(`EXISTS (SELECT 1 FROM assignment x WHERE x.user_id = u.id AND x.revoked_at IS NULL AND x.scope_territory_code IS NOT NULL AND ${scoped.sql})`);
  }
  const search = input.search?.trim();
  if (search) {
    params.push(`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(u.email ILIKE $${params.length} OR concat_ws(' ', u.given_name, u.usual_name) ILIKE $${params.length})`);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM app_user u ${filter}`, params)) as { n: number }[];
  const rows = (await db.query(
    `SELECT u.id, u.email, u.given_name, u.usual_name, u.status, u.last_login_at FROM app_user u ${filter} ORDER BY u.email LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, first, offset],
  )) as AccountRow[];
  const nodes: RightsAccountView[] = [];
  for (const row of rows) {
    // listAssignments applies the same scope filter: a scoped administrator sees only the rights in their subtree.
    const page = await listAssignments(db, identity, { userId: row.id, first: 100 });
    nodes.push({ id: row.id, email: row.email, displayName: displayNameOf(row), status: row.status, lastLoginAt: row.last_login_at, assignments: page.nodes });
  }
  return { totalCount: n, nodes };
}

export interface QuotasAtView {
  territoryCode: string | null;
  territoryName: string | null;
  accountsMax: number | null;
  accountsUsed: number | null;
  accountsSource: string | null;
  roles: RoleQuotaView[];
}

/** The quotas a grant at `territoryCode` counts against: accounts of its quota territory, holders per role. */
export async function quotasAt(db: EntityManager, identity: RequestIdentity, territoryCode: string, settings: QuotaSettings): Promise<QuotasAtView> {
  assertCan(identity, 'read', 'Assignment');
  if (!(await canOnScope(db, identity, 'read', 'Assignment', { kind: 'territory', territoryCode: territoryCode.trim() }))) throw forbidden('read', 'quota');
  const bucket = await quotaBucket(db, territoryCode.trim(), settings.quotas);
  if (!bucket) return { territoryCode: null, territoryName: null, accountsMax: null, accountsUsed: null, accountsSource: null, roles: [] };
  const accounts = await accountsInBucket(db, bucket, Object.keys(settings.quotas));
  const { roles } = await roleQuotasAt(db, bucket.code, settings);
  return { territoryCode: bucket.code, territoryName: bucket.name, accountsMax: bucket.max, accountsUsed: accounts.length, accountsSource: bucket.source, roles };
}
