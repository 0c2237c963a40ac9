import type { RequestIdentity } from '../identity/request-identity';
import { territoryRoots } from './territory-scope';

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

export interface ScopeConditionOptions {
  action?: string;
  subject?: string;
  /** Number of the first placeholder this fragment may use ($n), i.e. the caller's params.length + 1. */
  firstParam?: number;
}

/**
 * A SQL condition that keeps only rows whose territory is inside the identity's scope, so
 * services never read out-of-scope rows: `TRUE` for an unrestricted identity, `FALSE` for none.
 */
export function scopeCondition(identity: RequestIdentity, territoryColumn: string, options: ScopeConditionOptions = {}): SqlFragment {
  const roots = territoryRoots(identity.ability, options.action ?? 'read', options.subject ?? 'Dashboard');
  return rootsCondition(roots, territoryColumn, options.firstParam ?? 1);
}

export function rootsCondition(roots: string[] | null, territoryColumn: string, firstParam = 1): SqlFragment {
  if (roots === null) return { sql: 'TRUE', params: [] };
  if (roots.length === 0) return { sql: 'FALSE', params: [] };
  return {
    sql: `EXISTS (SELECT 1 FROM territory_ancestor a WHERE a.territory_code = ${territoryColumn} AND a.ancestor_code = ANY($${firstParam}::text[]))`,
    params: [roots],
  };
}
