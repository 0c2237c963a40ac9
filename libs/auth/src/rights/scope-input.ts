import type { EntityManager } from 'typeorm';
import { type Scope, scopeTerritory } from '../ability/ability.types';
import { badInput } from '../errors/auth-error';
import { territoryPath } from '../identity/territory-path';

/** A scope as clients send it (GraphQL input, DataPass payload). */
export interface ScopeInput {
  kind: string;
  territoryCode?: string | null;
  ids?: string[] | null;
  /** Combined scopes only (ADR 037). */
  policyIds?: string[] | null;
  taxonomyIds?: string[] | null;
}

const KINDS = ['all', 'territory', 'policies', 'taxonomies', 'combined'] as const;

const cleanIds = (ids: string[] | null | undefined) => [...new Set((ids ?? []).map((id) => id.trim()).filter(Boolean))].sort();

/**
 * Validates a scope; every refusal names the field at fault. A combined scope with one
 * dimension only becomes that simple scope, so the same right is stored one way.
 */
export function parseScope(input: ScopeInput | null | undefined, field = 'scope'): Scope {
  if (!input || !(KINDS as readonly string[]).includes(input.kind)) {
    throw badInput(`${field}.kind`, `A scope kind is one of ${KINDS.join(', ')}, got "${input?.kind ?? ''}".`);
  }
  switch (input.kind as Scope['kind']) {
    case 'all':
      return { kind: 'all' };
    case 'territory': {
      const code = input.territoryCode?.trim();
      if (!code) throw badInput(`${field}.territoryCode`, 'A territory scope needs a territory code, e.g. "D13" or "R84".');
      return { kind: 'territory', territoryCode: code };
    }
    case 'policies':
    case 'taxonomies': {
      const ids = cleanIds(input.ids);
      if (ids.length === 0) throw badInput(`${field}.ids`, `A ${input.kind} scope needs at least one id.`);
      return { kind: input.kind as 'policies' | 'taxonomies', ids };
    }
    case 'combined': {
      const territoryCode = input.territoryCode?.trim() || null;
      const policyIds = cleanIds(input.policyIds);
      const taxonomyIds = cleanIds(input.taxonomyIds);
      const given = [territoryCode ? 1 : 0, policyIds.length ? 1 : 0, taxonomyIds.length ? 1 : 0].reduce((a, b) => a + b, 0);
      if (given === 0) throw badInput(`${field}.territoryCode`, 'Choose at least a territory, a policy or a taxonomy for this scope.');
      if (given > 1) return { kind: 'combined', territoryCode, policyIds, taxonomyIds };
      if (territoryCode) return { kind: 'territory', territoryCode };
      return policyIds.length ? { kind: 'policies', ids: policyIds } : { kind: 'taxonomies', ids: taxonomyIds };
    }
  }
}

/** The territory and its ancestors for a scope limited to a territory (empty for an unknown code), null otherwise. */
export async function scopeTerritoryPath(db: EntityManager, scope: Scope): Promise<string[] | null> {
  const code = scopeTerritory(scope);
  return code ? territoryPath(db, code) : null;
}

/** Columns of a scope in `assignment` and `access_request`. */
export function scopeColumns(scope: Scope): { kind: Scope['kind']; territoryCode: string | null; ids: string[]; policyIds: string[]; taxonomyIds: string[] } {
  return {
    kind: scope.kind,
    territoryCode: scopeTerritory(scope),
    ids: scope.kind === 'policies' || scope.kind === 'taxonomies' ? scope.ids : [],
    policyIds: scope.kind === 'combined' ? scope.policyIds : [],
    taxonomyIds: scope.kind === 'combined' ? scope.taxonomyIds : [],
  };
}

export function describeScope(scope: Scope): string {
  switch (scope.kind) {
    case 'all':
      return 'everything';
    case 'territory':
      return scope.territoryCode;
    case 'policies':
    case 'taxonomies':
      return `${scope.kind} ${scope.ids.join(', ')}`;
    case 'combined':
      return [scope.territoryCode, scope.policyIds.length ? `policies ${scope.policyIds.join(', ')}` : null, scope.taxonomyIds.length ? `taxonomies ${scope.taxonomyIds.join(', ')}` : null]
        .filter(Boolean)
        .join(' × ');
  }
}

/** Checks that the policies and taxonomies a scope names exist (the territory is checked with the manager's scope). */
export async function assertScopeReferences(db: EntityManager, scope: Scope, field = 'scope'): Promise<void> {
  const policyIds = scope.kind === 'combined' ? scope.policyIds : scope.kind === 'policies' ? scope.ids : [];
  const taxonomyIds = scope.kind === 'combined' ? scope.taxonomyIds : scope.kind === 'taxonomies' ? scope.ids : [];
  for (const [ids, table, name] of [[policyIds, 'policy', 'policyIds'], [taxonomyIds, 'taxonomy', 'taxonomyIds']] as const) {
    if (ids.length === 0) continue;
    const rows = (await db.query(`SELECT id FROM ${table} WHERE id = ANY($1::text[])`, [ids])) as { id: string }[];
    const known = new Set(rows.map((row) => row.id));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length) throw badInput(`${field}.${scope.kind === 'combined' ? name : 'ids'}`, `No ${table} "${missing.join('", "')}": pick ${table === 'policy' ? 'policies' : 'taxonomies'} from the list.`);
  }
}
