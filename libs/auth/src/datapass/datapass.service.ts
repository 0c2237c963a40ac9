import type { EntityManager } from 'typeorm';
import { audit, SYSTEM_ACTOR } from '../audit/audit';
import { badInput } from '../errors/auth-error';
import type { AccessRequestDecidedEvent } from '../events/auth-events';
import { findAssignment, findOrCreateUser, grantAssignment, normaliseEmail, revokeAssignment } from '../rights/assignment.service';
import { findRole } from '../rights/role.service';
import type { QuotaSettings } from '../rights/role-quota';
import { parseScope, scopeColumns, scopeTerritoryPath } from '../rights/scope-input';
import type { DatapassAction } from './datapass-payload';

export type DatapassOutcome =
  | { status: 'granted'; assignmentId: string; event: AccessRequestDecidedEvent }
  | { status: 'unchanged'; assignmentId: string }
  | { status: 'revoked'; count: number }
  | { status: 'ignored'; event: string };

/** Roles DataPass may never hand out: administrators are named in the app, by an administrator. */
const NOT_FROM_DATAPASS = new Set(['admin', 'public']);

/** Applies a validated or revoked DataPass request (account and role quotas checked, ADR 037); replays of the same event change nothing. */
export async function applyDatapassAction(db: EntityManager, action: DatapassAction, settings: QuotaSettings): Promise<DatapassOutcome> {
  if (action.kind === 'ignore') return { status: 'ignored', event: action.event };
  if (action.kind === 'revoke') {
    const rows = (await db.query(`SELECT id FROM assignment WHERE source = 'datapass' AND source_ref = $1 AND revoked_at IS NULL`, [action.externalId])) as { id: string }[];
    for (const row of rows) {
      const current = (await findAssignment(db, row.id))!;
      await revokeAssignment(db, current, { revokedBy: null, actor: SYSTEM_ACTOR, reason: `DataPass ${action.event} #${action.externalId}` });
    }
    return { status: 'revoked', count: rows.length };
  }
  const email = normaliseEmail(action.email, 'data.applicant.email');
  const role = NOT_FROM_DATAPASS.has(action.roleId) ? null : await findRole(db, action.roleId);
  if (!role) throw badInput('data.data.pilote_role', `"${action.roleId}" is not a role DataPass can grant on this instance.`);
  const scope = parseScope(action.scope, 'data.data.pilote_territory');
  if (scope.kind === 'territory' && ((await scopeTerritoryPath(db, scope)) ?? []).length === 0) {
    throw badInput('data.data.pilote_territory', `No territory "${scope.territoryCode}" on this instance.`);
  }
  const live = (await db.query(`SELECT id FROM assignment WHERE source = 'datapass' AND source_ref = $1 AND revoked_at IS NULL`, [action.externalId])) as { id: string }[];
  if (live[0]) return { status: 'unchanged', assignmentId: live[0].id };
  const columns = scopeColumns(scope);
  const user = await findOrCreateUser(db, email, SYSTEM_ACTOR, columns.territoryCode);
  const assignment = await grantAssignment(db, { userId: user.id, roleId: role.id, scope, source: 'datapass', sourceRef: action.externalId, grantedBy: null, actor: SYSTEM_ACTOR, quotas: settings.quotas, roleQuotas: settings.roleQuotas });
  const reason = `DataPass ${action.event} #${action.externalId}`;
  const [request] = (await db.query(
    `INSERT INTO access_request (requester_id, role_id, scope_kind, scope_territory_code, scope_ids, reason, status, decision_reason, decided_at, source, external_id)
     VALUES ($1, $2, $3, $4, $5, $6, 'approved', $6, now(), 'datapass', $7)
     ON CONFLICT (source, external_id) WHERE external_id IS NOT NULL
     DO UPDATE SET status = 'approved', role_id = EXCLUDED.role_id, scope_kind = EXCLUDED.scope_kind, scope_territory_code = EXCLUDED.scope_territory_code,
       scope_ids = EXCLUDED.scope_ids, decision_reason = EXCLUDED.decision_reason, decided_at = now()
     RETURNING id`,
    [user.id, role.id, columns.kind, columns.territoryCode, columns.ids, reason, action.externalId],
  )) as { id: string }[];
  await audit(db, {
    actor: SYSTEM_ACTOR,
    action: 'access-request.decided',
    subjectType: 'AccessRequest',
    subjectId: request.id,
    old: null,
    new: { status: 'approved', source: 'datapass', externalId: action.externalId, event: action.event, assignmentId: assignment.id },
    territoryCode: columns.territoryCode,
  });
  return {
    status: 'granted',
    assignmentId: assignment.id,
    event: { requestId: request.id, requesterId: user.id, roleId: role.id, scope, approved: true, deciderId: null, assignmentId: assignment.id },
  };
}
