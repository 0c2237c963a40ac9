import type { TerritoryByCodeQuery } from './generated/graphql';
import { useQuery } from './useQuery';

/** What the names query asks of each code (a subset of TerritoryByCode's answer, typed by it). */
type TerritoryName = Pick<NonNullable<TerritoryByCodeQuery['territory']>, 'code' | 'name'>;

/**
 * Names of a few territories by code, in one request (aliases `t0`, `t1`…); a code stays itself until its name is known.
 * Built at run time (one alias per code), so it cannot be a generated document.
 */
export function useTerritoryNames(codes: readonly string[]): (code: string) => string {
  const unique = [...new Set(codes)].sort();
  const query = unique.length
    ? `query TerritoryNames(${unique.map((_, i) => `$c${i}: String!`).join(', ')}) { ${unique.map((_, i) => `t${i}: territory(code: $c${i}) { code name }`).join(' ')} }`
    : '';
  const variables = Object.fromEntries(unique.map((code, i) => [`c${i}`, code]));
  const { data } = useQuery<Record<string, TerritoryName | null>>(query, variables, { skip: unique.length === 0 });
  const names = new Map(Object.values(data ?? {}).flatMap((t) => (t ? [[t.code, t.name] as const] : [])));
  return (code) => names.get(code) ?? code;
}
