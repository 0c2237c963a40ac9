import type { EntityManager } from 'typeorm';
import type { RoleRule } from '../ability/ability.types';
import { type AuditActor, audit } from '../audit/audit';
import { AuthError, badInput } from '../errors/auth-error';
import { ACTIONS } from '../permissions/actions';
import { isRegisteredSubject, registeredPermissions } from '../permissions/permission-registry';

export interface RoleView {
  id: string;
  label: { fr?: string; en?: string };
  description: { fr?: string; en?: string };
  rank: number;
  permissions: RoleRule[];
  updatedAt: Date;
}

const COLUMNS = `id, label, description, rank, permissions, updated_at AS "updatedAt"`;

export async function listRoles(db: EntityManager): Promise<RoleView[]> {
  return (await db.query(`SELECT ${COLUMNS} FROM role ORDER BY rank DESC, id`)) as RoleView[];
}

export async function findRole(db: EntityManager, roleId: string): Promise<RoleView | null> {
  const rows = (await db.query(`SELECT ${COLUMNS} FROM role WHERE id = $1`, [roleId])) as RoleView[];
  return rows[0] ?? null;
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * Checks rules an admin submits: known actions and subjects, no conditions and no inverted rules
 * (the scope comes from the assignment; a condition or prohibition would silently change what
 * `scopeCondition` lets SQL read). Each refusal names the rule at fault.
 */
export function validateRules(input: unknown): RoleRule[] {
  if (!Array.isArray(input)) throw badInput('permissions', 'Permissions are a list of rules {action, subject}.');
  const subjects = registeredPermissions().map((p) => p.subject).join(', ');
  return input.map((raw, index): RoleRule => {
    const field = `permissions[${index}]`;
    const rule = raw as Record<string, unknown> | null;
    if (!rule || typeof rule !== 'object') throw badInput(field, `Rule ${index + 1} is not an object {action, subject}.`);
    const actions = asList(rule.action);
    const badAction = actions.find((a) => typeof a !== 'string' || !(ACTIONS as readonly string[]).includes(a));
    if (actions.length === 0 || badAction !== undefined) throw badInput(`${field}.action`, `Rule ${index + 1}: unknown action "${String(badAction ?? '')}"; use ${ACTIONS.join(', ')}.`);
    const subjectList = asList(rule.subject);
    const badSubject = subjectList.find((s) => typeof s !== 'string' || !isRegisteredSubject(s));
    if (subjectList.length === 0 || badSubject !== undefined) throw badInput(`${field}.subject`, `Rule ${index + 1}: unknown subject "${String(badSubject ?? '')}"; use all or one of ${subjects}.`);
    if (rule.conditions !== undefined && rule.conditions !== null) throw badInput(`${field}.conditions`, `Rule ${index + 1}: conditions are not allowed on a role; the scope comes from the assignment.`);
    if (rule.inverted) throw badInput(`${field}.inverted`, `Rule ${index + 1}: prohibitions (inverted rules) are not allowed on a role.`);
    return { action: rule.action as string | string[], subject: rule.subject as string | string[] };
  });
}

const grantsEverything = (rules: RoleRule[]) => rules.some((r) => asList(r.action).includes('manage') && asList(r.subject).includes('all'));

/** Replaces a role's rules; the old and new rules go to the audit trail in the same transaction. */
export async function updateRolePermissions(db: EntityManager, input: { roleId: string; permissions: unknown; actor: AuditActor }): Promise<RoleView> {
  const role = await findRole(db, input.roleId);
  if (!role) throw new AuthError(404, 'NOT_FOUND', `No role "${input.roleId}".`, 'roleId');
  const permissions = validateRules(input.permissions);
  // The admin role must keep every right, or an instance could lose its last administrator.
  if (role.id === 'admin' && !grantsEverything(permissions)) throw badInput('permissions', 'The admin role keeps {action: "manage", subject: "all"}.');
  const rows = (await db.query(`UPDATE role SET permissions = $2, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`, [role.id, JSON.stringify(permissions)])) as [RoleView[], number] | RoleView[];
  const updated = (Array.isArray(rows[0]) ? rows[0] : rows) as RoleView[];
  await audit(db, { actor: input.actor, action: 'role.updated', subjectType: 'Role', subjectId: role.id, old: role.permissions, new: permissions });
  return updated[0];
}
