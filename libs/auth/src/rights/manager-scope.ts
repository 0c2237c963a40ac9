import { subject as asSubject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import type { Scope } from '../ability/ability.types';
import { territoryRoots } from '../ability/territory-scope';
import { forbidden } from '../errors/auth-error';
import type { RequestIdentity } from '../identity/request-identity';
import { scopeTerritoryPath } from './scope-input';

/**
 * Whether the identity may `action` a `subjectType` (Assignment, AccessRequest…) on that scope:
 * a territory scope needs the territory inside the identity's scope; "all", policy and taxonomy
 * scopes need an unrestricted right (a regional coordinator cannot hand out national rights).
 */
export async function canOnScope(db: EntityManager, identity: RequestIdentity, action: string, subjectType: string, scope: Scope): Promise<boolean> {
  if (!identity.ability.can(action, subjectType)) return false;
  if (scope.kind !== 'territory') return territoryRoots(identity.ability, action, subjectType) === null;
  const path = (await scopeTerritoryPath(db, scope)) ?? [];
  return path.length > 0 && identity.ability.can(action, asSubject(subjectType, { territoryPath: path }));
}

/**
 * The highest role rank this identity may hand out, exclusive: a manager grants only roles of a
 * lower rank than their own managing role, so nobody can create a peer or a superior. `manage all`
 * (the admin role) has no ceiling.
 */
export async function grantCeiling(db: EntityManager, identity: RequestIdentity, action: string, subjectType: string): Promise<number> {
  if (identity.ability.can('manage', 'all')) return Number.POSITIVE_INFINITY;
  const managing = identity.grants.filter((grant) => grant.rules.some((rule) => {
    if (rule.inverted) return false;
    const actions = Array.isArray(rule.action) ? rule.action : [rule.action];
    const subjects = Array.isArray(rule.subject) ? rule.subject : [rule.subject];
    return (actions.includes(action) || actions.includes('manage')) && (subjects.includes(subjectType) || subjects.includes('all'));
  }));
  if (managing.length === 0) return Number.NEGATIVE_INFINITY;
  const rows = (await db.query(`SELECT max(rank)::int AS rank FROM role WHERE id = ANY($1::text[])`, [managing.map((grant) => grant.roleId)])) as { rank: number | null }[];
  return rows[0]?.rank ?? Number.NEGATIVE_INFINITY;
}

/** Refuses (403, the same message as for an unknown object) unless the identity manages this role on this scope. */
export async function assertManages(db: EntityManager, identity: RequestIdentity, action: string, subjectType: string, scope: Scope, roleRank: number): Promise<void> {
  const inScope = await canOnScope(db, identity, action, subjectType, scope);
  if (!inScope || roleRank >= (await grantCeiling(db, identity, action, subjectType))) throw forbidden(action, subjectType);
}
