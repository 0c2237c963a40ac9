import type { EntityManager } from 'typeorm';
import type { TerritoryConnection, TerritoryType } from './dashboard.types';
import { namesScope, type ReadScope, scopeSql } from '../access/request-scope';

export const MAX_PAGE_SIZE = 500;

/** Keyset pagination on the territory code: stable cursors, no OFFSET scans on 35,000 communes. */
export async function listTerritories(
  db: EntityManager,
  args: { level?: string; parentCode?: string; search?: string; first?: number; after?: string; scope?: ReadScope },
): Promise<TerritoryConnection> {
  const first = Math.min(Math.max(args.first ?? 50, 1), MAX_PAGE_SIZE);
  const after = args.after ? Buffer.from(args.after, 'base64url').toString('utf8') : null;
  // Lists and counts see only the reader's scope; names are not policy data, so a right limited
  // to policies (ADR 037) lists the territories of its cells too.
  const inScope = scopeSql(namesScope(args.scope), 'territory.code', 4);
  const params = [args.level ?? null, args.parentCode ?? null, args.search?.trim() || null, ...inScope.params];
  const where = `($1::text IS NULL OR level = $1) AND ($2::text IS NULL OR parent_code = $2)
    AND ($3::text IS NULL OR name ILIKE '%' || $3 || '%' OR code ILIKE $3 || '%')${inScope.sql}`;
  const next = params.length + 1;
  const rows = (await db.query(
    `SELECT code, level, name, parent_code AS "parentCode", population FROM territory WHERE ${where} AND ($${next}::text IS NULL OR code > $${next}) ORDER BY code LIMIT $${next + 1}`,
    [...params, after, first + 1],
  )) as TerritoryType[];
  const [{ count }] = (await db.query(`SELECT count(*)::int AS count FROM territory WHERE ${where}`, params)) as { count: number }[];
  const page = rows.slice(0, first);
  const cursor = (code: string) => Buffer.from(code, 'utf8').toString('base64url');
  return {
    edges: page.map((node) => ({ cursor: cursor(node.code), node })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? cursor(page[page.length - 1].code) : null },
    totalCount: count,
  };
}
