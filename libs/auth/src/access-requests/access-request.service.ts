import type { EntityManager } from 'typeorm';
import { type Scope, scopeTerritory } from '../ability/ability.types';
import { rootsCondition } from '../ability/scope-condition';
import { territoryRoots } from '../ability/territory-scope';
import { type AuditActor, audit } from '../audit/audit';
import { AuthError, badInput, forbidden } from '../errors/auth-error';
import type { AccessRequestCreatedEvent, AccessRequestDecidedEvent } from '../events/auth-events';
import { assertCan } from '../identity/assert-can';
import { toScope } from '../identity/identity-loader';
import type { RequestIdentity } from '../identity/request-identity';
import { grantAssignment } from '../rights/assignment.service';
import { assertManages, grantCeiling } from '../rights/manager-scope';
import { findRole } from '../rights/role.service';
import { assertScopeReferences, describeScope, parseScope, type ScopeInput, scopeColumns, scopeTerritoryPath } from '../rights/scope-input';

export type AccessRequestStatus = 'pending' | 'approved' | 'refused';

export interface AccessRequestView {
  id: string;
  requesterId: string;
  requesterEmail: string;
  roleId: string;
  scope: Scope;
  reason: string;
  status: AccessRequestStatus;
  decidedBy: string | null;
  decisionReason: string | null;
  decidedAt: Date | null;
  source: string;
  createdAt: Date;
}

interface Row {
  id: string;
  requester_id: string;
  email: string;
  role_id: string;
  rank: number;
  scope_kind: Scope['kind'];
  scope_territory_code: string | null;
  scope_ids: string[];
  scope_policy_ids: string[];
  scope_taxonomy_ids: string[];
  reason: string;
  status: AccessRequestStatus;
  decided_by: string | null;
  decision_reason: string | null;
  decided_at: Date | null;
  source: string;
  created_at: Date;
}

const SELECT = `SELECT r.id, r.requester_id, u.email, r.role_id, ro.rank, r.scope_kind, r.scope_territory_code, r.scope_ids, r.scope_policy_ids, r.scope_taxonomy_ids, r.reason, r.status,
  r.decided_by, r.decision_reason, r.decided_at, r.source, r.created_at
  FROM access_request r JOIN app_user u ON u.id = r.requester_id JOIN role ro ON ro.id = r.role_id`;

function toView(row: Row): AccessRequestView {
  return {
    id: row.id,
    requesterId: row.requester_id,
    requesterEmail: row.email,
    roleId: row.role_id,
    scope: toScope(row.scope_kind, row.scope_territory_code, row.scope_ids, row.scope_policy_ids, row.scope_taxonomy_ids),
    reason: row.reason,
    status: row.status,
    decidedBy: row.decided_by,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at,
    source: row.source,
    createdAt: row.created_at,
  };
}

async function findRow(db: EntityManager, id: string): Promise<Row | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const rows = (await db.query(`${SELECT} WHERE r.id = $1`, [id])) as Row[];
  return rows[0] ?? null;
}

const MAX_REASON = 2000;

function cleanReason(value: string | null | undefined, field: string, required: boolean): string | null {
  const reason = (value ?? '').trim();
  if (!reason) {
    if (required) throw badInput(field, field === 'reason' ? 'Say why, in a few words: the decision is kept and shown to the requester.' : 'A reason is required.');
    return null;
  }
  if (reason.length > MAX_REASON) throw badInput(field, `A reason is at most ${MAX_REASON} characters (got ${reason.length}).`);
  return reason;
}

/** A signed-in user asks for a role on a scope; the managers of that scope decide. */
export async function requestAccess(
  db: EntityManager,
  identity: RequestIdentity,
  input: { roleId: string; scope: ScopeInput; reason: string; actor: AuditActor; requestable?: string[] | null },
): Promise<{ request: AccessRequestView; event: AccessRequestCreatedEvent }> {
  const requesterId = identity.userId!;
  assertCan(identity, 'create', 'AccessRequest', { requesterId });
  const scope = parseScope(input.scope);
  const role = input.roleId === 'public' ? null : await findRole(db, input.roleId);
  if (!role) throw badInput('roleId', `No role "${input.roleId}" can be requested; see the roles of the instance.`);
  if (!isRequestable(role.id, input.requestable ?? null)) {
    throw badInput('roleId', `The role "${role.id}" cannot be requested on this instance (rights.requestableRoles); ask an administrator to grant it if you need it.`);
  }
  const reason = cleanReason(input.reason, 'reason', true)!;
  const code = scopeTerritory(scope);
  if (code && ((await scopeTerritoryPath(db, scope)) ?? []).length === 0) {
    throw badInput('scope.territoryCode', `No territory "${code}": use a code such as FRANCE, R84, D13, E200046977 or C13055.`);
  }
  await assertScopeReferences(db, scope);
  const columns = scopeColumns(scope);
  const pending = (await db.query(
    `SELECT 1 FROM access_request WHERE requester_id = $1 AND role_id = $2 AND scope_kind = $3 AND scope_territory_code IS NOT DISTINCT FROM $4 AND scope_ids = $5::text[]
       AND scope_policy_ids = $6::text[] AND scope_taxonomy_ids = $7::text[] AND status = 'pending'`,
    [requesterId, role.id, columns.kind, columns.territoryCode, columns.ids, columns.policyIds, columns.taxonomyIds],
  )) as unknown[];
  if (pending.length > 0) throw new AuthError(409, 'ALREADY_REQUESTED', `You already asked for "${role.id}" on ${describeScope(scope)}; it is waiting for a decision.`, 'roleId');
  const [{ id }] = (await db.query(
    `INSERT INTO access_request (requester_id, role_id, scope_kind, scope_territory_code, scope_ids, scope_policy_ids, scope_taxonomy_ids, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [requesterId, role.id, columns.kind, columns.territoryCode, columns.ids, columns.policyIds, columns.taxonomyIds, reason],
  )) as { id: string }[];
  await audit(db, { actor: input.actor, action: 'access-request.created', subjectType: 'AccessRequest', subjectId: id, new: { roleId: role.id, scope, reason }, territoryCode: columns.territoryCode });
  const request = toView((await findRow(db, id))!);
  return { request, event: { requestId: id, requesterId, roleId: role.id, scope, source: 'app' } };
}

/** Whether a role may be asked for: those listed in `rights.requestableRoles`, else every role but admin and public. */
export function isRequestable(roleId: string, requestable: string[] | null): boolean {
  if (roleId === 'public') return false;
  return requestable ? requestable.includes(roleId) : roleId !== 'admin';
}

/** The requests of the signed-in user, newest first. */
export async function myAccessRequests(db: EntityManager, userId: string): Promise<AccessRequestView[]> {
  return ((await db.query(`${SELECT} WHERE r.requester_id = $1 ORDER BY r.created_at DESC`, [userId])) as Row[]).map(toView);
}

/** Pending requests this manager may decide: inside their scope (in SQL) and for a lower-ranked role. */
export async function accessRequestsToDecide(db: EntityManager, identity: RequestIdentity): Promise<AccessRequestView[]> {
  assertCan(identity, 'update', 'AccessRequest');
  const roots = territoryRoots(identity.ability, 'update', 'AccessRequest');
  const ceiling = await grantCeiling(db, identity, 'update', 'AccessRequest');
  const scoped = roots === null ? { sql: 'TRUE', params: [] as unknown[] } : rootsCondition(roots, 'r.scope_territory_code', 1);
  const where = roots === null ? 'TRUE' : `r.scope_territory_code IS NOT NULL AND ${scoped.sql}`;
  const rows = (await db.query(
    `${SELECT} WHERE r.status = 'pending' AND r.requester_id <> $${scoped.params.length + 1} AND ${where} ORDER BY r.created_at`,
    [...scoped.params, identity.userId],
  )) as Row[];
  return rows.filter((row) => row.rank < ceiling).map(toView);
}

/** Approves (creating the assignment, quota checked) or refuses (a reason is required) a pending request. */
export async function decideAccessRequest(
  db: EntityManager,
  identity: RequestIdentity,
  input: { id: string; approve: boolean; reason?: string | null; actor: AuditActor; quotas: Record<string, number>; roleQuotas?: Record<string, number> },
): Promise<{ request: AccessRequestView; event: AccessRequestDecidedEvent }> {
  assertCan(identity, 'update', 'AccessRequest');
  const row = await findRow(db, input.id);
  if (!row) throw forbidden('update', 'AccessRequest');
  const scope = toScope(row.scope_kind, row.scope_territory_code, row.scope_ids, row.scope_policy_ids, row.scope_taxonomy_ids);
  await assertManages(db, identity, 'update', 'AccessRequest', scope, row.rank);
  if (row.requester_id === identity.userId) throw new AuthError(403, 'OWN_REQUEST', 'You cannot decide your own access request: another manager of this scope must.');
  if (row.status !== 'pending') throw new AuthError(409, 'ALREADY_DECIDED', `This request was already ${row.status}.`, 'id');
  const reason = cleanReason(input.reason, 'reason', !input.approve);
  let assignmentId: string | null = null;
  if (input.approve) {
    const assignment = await grantAssignment(db, {
      userId: row.requester_id, roleId: row.role_id, scope, source: 'access-request', sourceRef: row.id, grantedBy: identity.userId, actor: input.actor, quotas: input.quotas,
      roleQuotas: input.roleQuotas, reason: `access request: ${row.reason}`,
    });
    assignmentId = assignment.id;
  }
  const status: AccessRequestStatus = input.approve ? 'approved' : 'refused';
  await db.query(`UPDATE access_request SET status = $2, decided_by = $3, decision_reason = $4, decided_at = now() WHERE id = $1`, [row.id, status, identity.userId, reason]);
  await audit(db, {
    actor: input.actor,
    action: 'access-request.decided',
    subjectType: 'AccessRequest',
    subjectId: row.id,
    old: { status: 'pending' },
    new: { status, decidedBy: identity.userId, reason, assignmentId },
    territoryCode: row.scope_territory_code,
  });
  const request = toView((await findRow(db, row.id))!);
  return { request, event: { requestId: row.id, requesterId: row.requester_id, roleId: row.role_id, scope, approved: input.approve, deciderId: identity.userId, assignmentId } };
}
