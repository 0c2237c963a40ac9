/**
 * The territories a request may read, set on the request by @pilote/auth (`req.readScope`):
 * `territoryRoots` null = everywhere, [] = nowhere, else these territories and their subtrees.
 * A plain hook, because the core cannot import the auth library (which depends on it).
 */
export interface ReadScope {
  territoryRoots: string[] | null;
}

export const UNRESTRICTED: ReadScope = { territoryRoots: null };

/** The scope of a GraphQL context `{ req }`; unrestricted when no auth layer set one (core tests). */
export function readScopeOf(ctx: unknown): ReadScope {
  const req = (ctx as { req?: { readScope?: ReadScope } } | undefined)?.req;
  return req?.readScope ?? UNRESTRICTED;
}

/** `AND <territory column inside the scope>` using placeholder $n, plus its parameter. */
export function scopeSql(scope: ReadScope | undefined, column: string, n: number): { sql: string; params: unknown[] } {
  const roots = scope?.territoryRoots ?? null;
  if (roots === null) return { sql: '', params: [] };
  return {
    sql: ` AND EXISTS (SELECT 1 FROM territory_ancestor sa WHERE sa.territory_code = ${column} AND sa.ancestor_code = ANY($${n}::text[]))`,
    params: [roots],
  };
}
