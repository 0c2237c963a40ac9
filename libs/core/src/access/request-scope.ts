import { ForbiddenException } from '@nestjs/common';

/**
 * The territories a request may read (or import into): `territoryRoots` null = everywhere,
 * [] = nowhere, else these territories and their subtrees. Computed by @pilote/auth for every
 * request from the caller's rights; "everywhere" only comes from a grant without conditions.
 */
export interface ReadScope {
  territoryRoots: string[] | null;
}

export interface RequestScopes {
  /** Where `read Dashboard` applies: dashboards, open data, lists and counts. */
  read: ReadScope;
  /** Where `import Import` applies: imports and the list of import batches. */
  import: ReadScope;
}

/** A symbol, so the scopes cannot be spoofed by a header or body field, and survive duplicated module copies. */
const SCOPES = Symbol.for('pilote.requestScopes');

type ScopedRequest = { [SCOPES]?: RequestScopes };

/** Raised when an operation reads scoped data on a request the auth layer never scoped. */
export class ScopeMissingError extends ForbiddenException {
  /** GraphQL copies these into the error it answers. */
  readonly extensions = { code: 'FORBIDDEN', reason: 'SCOPE_MISSING' };

  constructor() {
    super({ error: 'SCOPE_MISSING', message: 'This request has no read scope: the server refuses to read scoped data without one (fail closed).' });
  }
}

/** Set once per request by the auth layer. */
export function attachRequestScopes(req: object, scopes: RequestScopes): void {
  (req as ScopedRequest)[SCOPES] = scopes;
}

/** The scopes of a request; refuses (403) when none were computed — never defaults to "everywhere". */
export function requestScopes(req: unknown): RequestScopes {
  const scopes = req && typeof req === 'object' ? (req as ScopedRequest)[SCOPES] : undefined;
  if (!scopes) throw new ScopeMissingError();
  return scopes;
}

/** The read scope of a GraphQL context `{ req }`. */
export function readScopeOf(ctx: unknown): ReadScope {
  return requestScopes((ctx as { req?: unknown } | undefined)?.req).read;
}

/**
 * `AND <territory column inside the scope>` using placeholder $n, plus its parameter. `undefined`
 * is a server-side call with no request (CLI, computations, their tests); every request path
 * passes the scope from `requestScopes`/`readScopeOf`, which refuse when it is missing.
 */
export function scopeSql(scope: ReadScope | undefined, column: string, n: number): { sql: string; params: unknown[] } {
  const roots = scope ? scope.territoryRoots : null;
  if (roots === null) return { sql: '', params: [] };
  return {
    sql: ` AND EXISTS (SELECT 1 FROM territory_ancestor sa WHERE sa.territory_code = ${column} AND sa.ancestor_code = ANY($${n}::text[]))`,
    params: [roots],
  };
}
