import type { EntityManager } from 'typeorm';
import { type Scope, scopeTerritory } from '../ability/ability.types';
import { rootsCondition } from '../ability/scope-condition';
import { territoryRoots } from '../ability/territory-scope';
import { type AuditActor, audit } from '../audit/audit';
import { AuthError, badInput, forbidden } from '../errors/auth-error';
import { assertCan } from '../identity/assert-can';
import { toScope } from '../identity/identity-loader';
import type { RequestIdentity } from '../identity/request-identity';
import { assertQuota } from './account-quota';
import { assertManages } from './manager-scope';
import { assertRoleQuota } from './role-quota';
import { findRole } from './role.service';
import { assertScopeReferences, describeScope, parseScope, type ScopeInput, scopeColumns } from './scope-input';

export interface AssignmentView {
  id: string;
  userId: string;
  userEmail: string;
  roleId: string;
  scope: Scope;
  source: string;
  grantedBy: string | null;
  grantedByEmail: string | null;
  /** Why it was granted (required since ADR 037; null for older rows). */
  reason: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

interface AssignmentRow {
  id: string;
  user_id: string;
  email: string;
  role_id: string;
  scope_kind: Scope['kind'];
  scope_territory_code: string | null;
  scope_ids: string[];
  scope_policy_ids: string[];
  scope_taxonomy_ids: string[];
  source: string;
  granted_by: string | null;
  granted_by_email: string | null;
  reason: string | null;
  created_at: Date;
  revoked_at: Date | null;
  at_text: string;
}

const SELECT = `SELECT x.id, x.user_id, u.email, x.role_id, x.scope_kind, x.scope_territory_code, x.scope_ids, x.scope_policy_ids, x.scope_taxonomy_ids, x.source,
    x.granted_by, g.email AS granted_by_email, x.reason, x.created_at, x.revoked_at, x.created_at::text AS at_text
  FROM assignment x JOIN app_user u ON u.id = x.user_id LEFT JOIN app_user g ON g.id = x.granted_by`;

function toView(row: AssignmentRow): AssignmentView {
  return {
    id: row.id,
    userId: row.user_id,
    userEmail: row.email,
    roleId: row.role_id,
    scope: toScope(row.scope_kind, row.scope_territory_code, row.scope_ids, row.scope_policy_ids, row.scope_taxonomy_ids),
    source: row.source,
    grantedBy: row.granted_by,
    grantedByEmail: row.granted_by_email,
    reason: row.reason,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function normaliseEmail(value: string, field = 'email'): string {
  const email = value.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) throw badInput(field, `"${value}" is not an e-mail address.`);
  return email;
}

/** The account of an e-mail, created (active, with no role) when it does not exist yet. */
export async function findOrCreateUser(db: EntityManager, email: string, actor: AuditActor, territoryCode: string | null): Promise<{ id: string; created: boolean }> {
  const existing = (await db.query(`SELECT id FROM app_user WHERE email = $1`, [email])) as { id: string }[];
  if (existing[0]) return { id: existing[0].id, created: false };
  const [user] = (await db.query(`INSERT INTO app_user (email) VALUES ($1) RETURNING id`, [email])) as { id: string }[];
  await audit(db, { actor, action: 'user.created', subjectType: 'User', subjectId: user.id, new: { email, status: 'active' }, territoryCode });
  return { id: user.id, created: true };
}

export interface GrantInput {
  userId: string;
  roleId: string;
  scope: Scope;
  source: 'manual' | 'access-request' | 'datapass';
  sourceRef?: string | null;
  grantedBy: string | null;
  actor: AuditActor;
  quotas: Record<string, number>;
  /** Holders per role in each quota territory (`rights.roleQuotas`); overrides are read from the database. */
  roleQuotas?: Record<string, number>;
  reason?: string | null;
}

/** Inserts one assignment after the quota checks; callers have checked the manager's rights. */
export async function grantAssignment(db: EntityManager, input: GrantInput): Promise<AssignmentView> {
  const scope = scopeColumns(input.scope);
  const same = (await db.query(
    `SELECT id FROM assignment WHERE user_id = $1 AND role_id = $2 AND scope_kind = $3 AND scope_territory_code IS NOT DISTINCT FROM $4 AND scope_ids = $5::text[]
       AND scope_policy_ids = $6::text[] AND scope_taxonomy_ids = $7::text[] AND revoked_at IS NULL`,
    [input.userId, input.roleId, scope.kind, scope.territoryCode, scope.ids, scope.policyIds, scope.taxonomyIds],
  )) as { id: string }[];
  if (same[0]) throw new AuthError(409, 'ALREADY_ASSIGNED', `This person already has the role "${input.roleId}" on ${describeScope(input.scope)}.`, 'roleId');
  if (scope.territoryCode) {
    await assertRoleQuota(db, { roleId: input.roleId, territoryCode: scope.territoryCode, userId: input.userId, settings: { quotas: input.quotas, roleQuotas: input.roleQuotas ?? {} } });
    await assertQuota(db, { territoryCode: scope.territoryCode, userId: input.userId, quotas: input.quotas });
  }
  const [row] = (await db.query(
    `INSERT INTO assignment (user_id, role_id, scope_kind, scope_territory_code, scope_ids, scope_policy_ids, scope_taxonomy_ids, source, source_ref, granted_by, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [input.userId, input.roleId, scope.kind, scope.territoryCode, scope.ids, scope.policyIds, scope.taxonomyIds, input.source, input.sourceRef ?? null, input.grantedBy, input.reason ?? null],
  )) as { id: string }[];
  const view = (await findAssignment(db, row.id))!;
  await audit(db, {
    actor: input.actor,
    action: 'assignment.created',
    subjectType: 'Assignment',
    subjectId: view.id,
    old: null,
    new: { userId: view.userId, roleId: view.roleId, scope: view.scope, source: view.source, sourceRef: input.sourceRef ?? null, reason: view.reason },
    territoryCode: scope.territoryCode,
  });
  return view;
}

export async function findAssignment(db: EntityManager, id: string): Promise<AssignmentView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const rows = (await db.query(`${SELECT} WHERE x.id = $1`, [id])) as AssignmentRow[];
  return rows[0] ? toView(rows[0]) : null;
}

/** Delegated administration: a manager gives a role on a scope to an e-mail (the account is created if needed). */
export async function createAssignment(
  db: EntityManager,
  identity: RequestIdentity,
  input: { email: string; roleId: string; scope: ScopeInput; reason?: string | null; actor: AuditActor; quotas: Record<string, number>; roleQuotas?: Record<string, number> },
): Promise<AssignmentView> {
  assertCan(identity, 'create', 'Assignment');
  const email = normaliseEmail(input.email);
  const scope = parseScope(input.scope);
  const role = input.roleId === 'public' ? null : await findRole(db, input.roleId);
  if (!role) throw badInput('roleId', `No role "${input.roleId}" can be assigned; see the roles query for their ids.`);
  await assertManages(db, identity, 'create', 'Assignment', scope, role.rank, true);
  const reason = grantReason(input.reason);
  await assertScopeReferences(db, scope);
  const user = await findOrCreateUser(db, email, input.actor, scopeTerritory(scope));
  return grantAssignment(db, { userId: user.id, roleId: role.id, scope, source: 'manual', grantedBy: identity.userId, actor: input.actor, quotas: input.quotas, roleQuotas: input.roleQuotas, reason });
}

/** The reason of a grant: required (ADR 037), shown next to the right and kept in the audit trail. */
export function grantReason(value: string | null | undefined, field = 'reason'): string {
  const reason = (value ?? '').trim();
  if (reason.length < 3) throw badInput(field, 'Say why this right is given (a few words, at least 3 characters): the reason is shown next to it and kept in the audit trail.');
  if (reason.length > 2000) throw badInput(field, `A reason is at most 2000 characters (got ${reason.length}).`);
  return reason;
}

/** Revokes an assignment (the row is kept with who and when); unknown and out-of-scope get the same 403. */
export async function removeAssignment(db: EntityManager, identity: RequestIdentity, input: { id: string; reason?: string | null; actor: AuditActor }): Promise<AssignmentView> {
  assertCan(identity, 'delete', 'Assignment');
  const current = await findAssignment(db, input.id);
  if (!current || current.revokedAt) throw forbidden('delete', 'Assignment');
  const role = await findRole(db, current.roleId);
  await assertManages(db, identity, 'delete', 'Assignment', current.scope, role?.rank ?? 0);
  const reason = input.reason?.trim() || undefined;
  if (reason && reason.length > 2000) throw badInput('reason', `A reason is at most 2000 characters (got ${reason.length}).`);
  return revokeAssignment(db, current, { revokedBy: identity.userId, actor: input.actor, reason });
}

export async function revokeAssignment(db: EntityManager, current: AssignmentView, input: { revokedBy: string | null; actor: AuditActor; reason?: string }): Promise<AssignmentView> {
  await db.query(`UPDATE assignment SET revoked_at = now(), revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL`, [current.id, input.revokedBy]);
  const updated = (await findAssignment(db, current.id))!;
  await audit(db, {
    actor: input.actor,
    action: 'assignment.revoked',
    subjectType: 'Assignment',
    subjectId: current.id,
    old: { userId: current.userId, roleId: current.roleId, scope: current.scope, revokedAt: null },
    new: { revokedAt: updated.revokedAt, revokedBy: input.revokedBy, ...(input.reason ? { reason: input.reason } : {}) },
    territoryCode: scopeTerritory(current.scope),
  });
  return updated;
}

export interface AssignmentPage {
  totalCount: number;
  nodes: AssignmentView[];
  endCursor: string | null;
  hasNextPage: boolean;
}

const encodeCursor = (row: AssignmentRow) => Buffer.from(`${row.at_text}|${row.id}`).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || !/^\d{4}-\d{2}-\d{2}[ T][\d:.]+([+-]\d{2}(:?\d{2})?)?$/.test(at) || !/^[0-9a-f-]{36}$/i.test(id)) throw badInput('after', 'This cursor is not one the assignments query returned.');
  return [at, id];
}

/** Assignments the identity may read: SQL keeps only those on territories inside its scope. */
export async function listAssignments(
  db: EntityManager,
  identity: RequestIdentity,
  input: { userEmail?: string | null; userId?: string | null; includeRevoked?: boolean; first?: number; after?: string | null },
): Promise<AssignmentPage> {
  assertCan(identity, 'read', 'Assignment');
  const first = Math.min(Math.max(input.first ?? 100, 1), 500);
  const roots = territoryRoots(identity.ability, 'read', 'Assignment');
  const params: unknown[] = [];
  const where: string[] = [];
  if (roots !== null) {
    const scoped = rootsCondition(roots, 'x.scope_territory_code', params.length + 1);
    params.push(...scoped.params);
    where.push(`x.scope_territory_code IS NOT NULL AND ${scoped.sql}`);
  }
  if (input.userId) {
    if (!/^[0-9a-f-]{36}$/i.test(input.userId)) throw badInput('userId', `"${input.userId}" is not an account id.`);
    params.push(input.userId);
    where.push(`x.user_id = $${params.length}::uuid`);
  }
  if (!input.includeRevoked) where.push('x.revoked_at IS NULL');
  if (input.userEmail) {
    params.push(input.userEmail.trim().toLowerCase());
    where.push(`u.email = $${params.length}`);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM assignment x JOIN app_user u ON u.id = x.user_id ${filter}`, params)) as { n: number }[];
  const pageParams = [...params];
  let page = filter;
  if (input.after) {
    const [at, id] = decodeCursor(input.after);
    pageParams.push(at, id);
    page = `${filter ? `${filter} AND` : 'WHERE'} (x.created_at, x.id) < ($${pageParams.length - 1}::timestamptz, $${pageParams.length}::uuid)`;
  }
  pageParams.push(first + 1);
  const rows = (await db.query(`${SELECT} ${page} ORDER BY x.created_at DESC, x.id DESC LIMIT $${pageParams.length}`, pageParams)) as AssignmentRow[];
  const shown = rows.slice(0, first);
  return { totalCount: n, nodes: shown.map(toView), endCursor: shown.length ? encodeCursor(shown[shown.length - 1]) : null, hasNextPage: rows.length > first };
}
