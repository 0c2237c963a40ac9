import type { MongoAbility } from '@casl/ability';

export type AppAbility = MongoAbility;

/** A CASL rule as stored in `role.permissions`. */
export interface RoleRule {
  action: string | string[];
  subject: string | string[];
  conditions?: Record<string, unknown>;
  inverted?: boolean;
}

/**
 * Where an assignment applies: everything, a territory and its subtree, some policies or
 * taxonomies, or a combination of them (ADR 037): territory subtree × policies × taxonomies,
 * each dimension optional (empty = not restricted by it), at least two given.
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'territory'; territoryCode: string }
  | { kind: 'policies'; ids: string[] }
  | { kind: 'taxonomies'; ids: string[] }
  | CombinedScope;

export interface CombinedScope {
  kind: 'combined';
  territoryCode: string | null;
  policyIds: string[];
  taxonomyIds: string[];
}

/** The territory a scope is limited to (its subtree), if any. */
export function scopeTerritory(scope: Scope): string | null {
  if (scope.kind === 'territory') return scope.territoryCode;
  if (scope.kind === 'combined') return scope.territoryCode;
  return null;
}

/** One role given on one scope: the unit the ability is built from. */
export interface Grant {
  roleId: string;
  rules: RoleRule[];
  scope: Scope;
}

/**
 * Attributes a subject instance carries for scope checks (`subject('Dashboard', {...})`):
 * `territoryPath` is the territory and all its ancestors, so "R84 and below" is `$in: ['R84']`.
 */
export interface ScopedAttributes {
  territoryPath?: string[];
  policyId?: string;
  taxonomyIds?: string[];
  [key: string]: unknown;
}
