import { subject as asSubject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import { type Scope, scopeTerritory } from '../ability/ability.types';
import { territoryRoots } from '../ability/territory-scope';
import { AuthError, forbidden } from '../errors/auth-error';
import type { RequestIdentity } from '../identity/request-identity';
import { scopeTerritoryPath } from './scope-input';

/**
 * Whether the identity may `action` a `subjectType` (Assignment, AccessRequest…) on that scope:
 * a scope limited to a territory (territory or combined) needs that territory inside the
 * identity's scope; "all", policy and taxonomy scopes with no territory need an unrestricted
 * right (a regional coordinator cannot hand out national rights).
 */
export async function canOnScope(db: EntityManager, identity: RequestIdentity, action: string, subjectType: string, scope: Scope): Promise<boolean> {
  if (!identity.ability.can(action, subjectType)) return false;
  if (!scopeTerritory(scope)) return territoryRoots(identity.ability, action, subjectType) === null;
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

/** Where the identity manages `subjectType`, in words, for refusal messages: "everywhere" or "R84, D13 and below". */
export function managedScopeText(identity: RequestIdentity, action: string, subjectType: string): string {
  const roots = territoryRoots(identity.ability, action, subjectType);
  if (roots === null) return 'everywhere';
  return roots.length ? `${roots.join(', ')} and below` : 'nowhere';
}

/**
 * Refuses (403) unless the identity manages this role on this scope, with a message the form can
 * show (`explain`): the scope is outside what they administer, or the role is not below theirs.
 * An unknown territory gets the same message as one outside the scope (nothing says whether it
 * exists). Without `explain` (an existing object: assignment, request) the message is the one of
 * an unknown object.
 */
export async function assertManages(db: EntityManager, identity: RequestIdentity, action: string, subjectType: string, scope: Scope, roleRank: number, explain = false): Promise<void> {
  if (!identity.ability.can(action, subjectType)) throw forbidden(action, subjectType);
  if (!explain) {
    const inScope = await canOnScope(db, identity, action, subjectType, scope);
    if (!inScope || roleRank >= (await grantCeiling(db, identity, action, subjectType))) throw forbidden(action, subjectType);
    return;
  }
  if (!(await canOnScope(db, identity, action, subjectType, scope))) {
    const where = managedScopeText(identity, action, subjectType);
    throw new AuthError(403, 'FORBIDDEN', `This scope is above your own rights: you administer ${where}. Choose a territory inside it${where === 'everywhere' ? '' : ' (a scope with no territory needs a national administrator)'}.`, 'scope');
  }
  const ceiling = await grantCeiling(db, identity, action, subjectType);
  if (roleRank >= ceiling) {
    throw new AuthError(403, 'FORBIDDEN', 'This role is above your own rights: you may only grant roles ranked below the role that lets you administer accounts.', 'roleId');
  }
}
