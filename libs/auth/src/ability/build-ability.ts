import { createMongoAbility, type RawRuleOf } from '@casl/ability';
import { TOKEN_SCOPE_ACTIONS, type TokenScope } from '../permissions/actions';
import type { AppAbility, Grant, RoleRule, Scope } from './ability.types';

export interface AbilityInput {
  grants: Grant[];
  /** The signed-in user, for the rules everyone has on their own things (tokens, requests). */
  userId?: string | null;
  /** Set for API tokens: the ability is the owner's, cut down to these scopes. */
  tokenScopes?: TokenScope[];
}

/** Conditions a scope adds to each rule of the role (AND with the rule's own conditions). */
export function scopeConditions(scope: Scope): Record<string, unknown> | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'territory':
      return { territoryPath: { $in: [scope.territoryCode] } };
    case 'policies':
      return { policyId: { $in: scope.ids } };
    case 'taxonomies':
      return { taxonomyIds: { $in: scope.ids } };
    case 'combined':
      // Every given dimension must match (AND): D29 × P1 reads P1 at D29, not P1 elsewhere nor P2 at D29.
      return {
        ...(scope.territoryCode ? { territoryPath: { $in: [scope.territoryCode] } } : {}),
        ...(scope.policyIds.length ? { policyId: { $in: scope.policyIds } } : {}),
        ...(scope.taxonomyIds.length ? { taxonomyIds: { $in: scope.taxonomyIds } } : {}),
      };
  }
}

/** Rules every signed-in user has on their own account, tokens and requests. */
export function selfRules(userId: string): RoleRule[] {
  return [
    { action: 'read', subject: 'User', conditions: { id: userId } },
    { action: ['read', 'create', 'delete'], subject: 'ApiToken', conditions: { userId } },
    { action: ['read', 'create'], subject: 'AccessRequest', conditions: { requesterId: userId } },
  ];
}

function asList(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

/** Keeps of a rule only the actions the token's scopes allow (`manage` becomes exactly those). */
function restrictToToken(rule: RoleRule, allowed: Set<string>): RoleRule | null {
  if (rule.inverted) return rule; // a prohibition stays a prohibition
  const actions = asList(rule.action).flatMap((action) => (action === 'manage' ? [...allowed] : allowed.has(action) ? [action] : []));
  return actions.length > 0 ? { ...rule, action: [...new Set(actions)] } : null;
}

/** One CASL ability from the grants of a request: pure, so it is tested without a database. */
export function buildAbility(input: AbilityInput): AppAbility {
  const rules: RoleRule[] = [];
  for (const grant of input.grants) {
    const extra = scopeConditions(grant.scope);
    for (const rule of grant.rules) {
      rules.push(extra ? { ...rule, conditions: { ...(rule.conditions ?? {}), ...extra } } : rule);
    }
  }
  if (input.userId) rules.push(...selfRules(input.userId));
  let effective = rules;
  if (input.tokenScopes) {
    const allowed = new Set(input.tokenScopes.flatMap((scope) => TOKEN_SCOPE_ACTIONS[scope]));
    effective = rules.map((rule) => restrictToToken(rule, allowed)).filter((rule): rule is RoleRule => rule !== null);
  }
  // Inverted rules go last: in CASL the last matching rule wins.
  effective = [...effective.filter((r) => !r.inverted), ...effective.filter((r) => r.inverted)];
  return createMongoAbility(effective as RawRuleOf<AppAbility>[]);
}
