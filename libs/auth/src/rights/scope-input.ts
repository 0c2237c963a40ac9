import type { EntityManager } from 'typeorm';
import type { Scope } from '../ability/ability.types';
import { badInput } from '../errors/auth-error';
import { territoryPath } from '../identity/territory-path';

/** A scope as clients send it (GraphQL input, DataPass payload). */
export interface ScopeInput {
  kind: string;
  territoryCode?: string | null;
  ids?: string[] | null;
}

const KINDS = ['all', 'territory', 'policies', 'taxonomies'] as const;

/** Validates a scope; every refusal names the field at fault. */
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
      const ids = [...new Set((input.ids ?? []).map((id) => id.trim()).filter(Boolean))];
      if (ids.length === 0) throw badInput(`${field}.ids`, `A ${input.kind} scope needs at least one id.`);
      return { kind: input.kind as 'policies' | 'taxonomies', ids };
    }
  }
}

/** The territory and its ancestors for a territory scope (empty for an unknown code), null otherwise. */
export async function scopeTerritoryPath(db: EntityManager, scope: Scope): Promise<string[] | null> {
  return scope.kind === 'territory' ? territoryPath(db, scope.territoryCode) : null;
}

/** Columns of a scope in `assignment` and `access_request`. */
export function scopeColumns(scope: Scope): { kind: Scope['kind']; territoryCode: string | null; ids: string[] } {
  return {
    kind: scope.kind,
    territoryCode: scope.kind === 'territory' ? scope.territoryCode : null,
    ids: scope.kind === 'policies' || scope.kind === 'taxonomies' ? scope.ids : [],
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
  }
}
