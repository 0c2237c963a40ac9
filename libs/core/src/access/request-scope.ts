import { ForbiddenException } from '@nestjs/common';

/**
 * The territories a request may read (or import into): `territoryRoots` null = everywhere,
 * [] = nowhere, else these territories and their subtrees, for every policy. Computed by
 * @pilote/auth for every request from the caller's rights; "everywhere" only comes from a grant
 * without conditions.
 *
 * `policyCells` (ADR 037, amended): what rights limited to policies or taxonomies read on top of
 * that — these policies in these subtrees (`roots` null = every territory). Only the reads whose
 * rows carry a policy use them (`scopeSqlForPolicy`); rows mixing every policy (means of a
 * territory's policies) keep to `territoryRoots` (`scopeSql`). Absent = none.
 */
export interface ReadScope {
  territoryRoots: string[] | null;
  policyCells?: PolicyCell[];
}

/** Some policies, readable in some territory subtrees (`roots` null = everywhere). */
export interface PolicyCell {
  roots: string[] | null;
  policyIds: string[];
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
 * `AND <territory column inside the scope>` using placeholder $n, plus its parameter: the full
 * roots only (policy cells ignored), for rows that mix every policy. `undefined`
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

/** The policy cells of a scope that widen it: none when the roots already say "everywhere". */
function widening(scope: ReadScope | undefined): PolicyCell[] {
  if (!scope || scope.territoryRoots === null) return [];
  return (scope.policyCells ?? []).filter((cell) => cell.policyIds.length > 0 && (cell.roots === null || cell.roots.length > 0));
}

/** True when rights limited to policies add rows to this scope (the reads then filter by policy too). */
export function hasPolicyCells(scope: ReadScope | undefined): boolean {
  return widening(scope).length > 0;
}

/**
 * `AND <(territory, policy) of the row inside the scope>` for rows that carry a policy: the
 * territory inside the full roots, OR inside one cell's roots with the policy among that cell's.
 * Placeholders $n.. (1 without cells — the same as scopeSql —, else 4): the same scope and $n give
 * the same parameters, so one statement may use several fragments built with the same $n and
 * pass the parameters once.
 */
export function scopeSqlForPolicy(scope: ReadScope | undefined, territoryColumn: string, policyColumn: string, n: number): { sql: string; params: unknown[] } {
  const cells = widening(scope);
  if (cells.length === 0) return scopeSql(scope, territoryColumn, n);
  const everywhere = [...new Set(cells.filter((c) => c.roots === null).flatMap((c) => c.policyIds))].sort();
  const pairs = cells.flatMap((c) => (c.roots ?? []).flatMap((root) => c.policyIds.map((policyId) => [root, policyId] as const)));
  return {
    sql: ` AND (EXISTS (SELECT 1 FROM territory_ancestor sa WHERE sa.territory_code = ${territoryColumn} AND sa.ancestor_code = ANY($${n}::text[]))
      OR ${policyColumn} = ANY($${n + 3}::text[])
      OR EXISTS (SELECT 1 FROM territory_ancestor sa JOIN unnest($${n + 1}::text[], $${n + 2}::text[]) AS cell(root, policy_id) ON cell.root = sa.ancestor_code
                 WHERE sa.territory_code = ${territoryColumn} AND cell.policy_id = ${policyColumn}))`,
    params: [scope!.territoryRoots, pairs.map(([root]) => root), pairs.map(([, policyId]) => policyId), everywhere],
  };
}

/**
 * The territory roots of lists of territories (names, not policy data): the full roots and the
 * roots of every policy cell (null = everywhere).
 */
export function namesScope(scope: ReadScope | undefined): ReadScope | undefined {
  const cells = widening(scope);
  if (!scope || cells.length === 0) return scope;
  if (cells.some((c) => c.roots === null)) return { territoryRoots: null };
  return { territoryRoots: [...new Set([...(scope.territoryRoots ?? []), ...cells.flatMap((c) => c.roots ?? [])])].sort() };
}

/** A key telling two scopes apart, for answers kept per reader's scope (read caches). */
export function scopeKey(scope: ReadScope | undefined): unknown {
  if (!scope) return null;
  const cells = widening(scope).map((c) => [c.roots === null ? null : [...c.roots].sort(), [...c.policyIds].sort()]);
  return cells.length ? [scope.territoryRoots, cells] : scope.territoryRoots;
}
