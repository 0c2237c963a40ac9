import type { EntityManager } from 'typeorm';
import type { TerritoryNode } from './computation.types';

/**
 * The territories touched by a write: the written ones, all their ancestors, and the perimeters
 * (e.g. CRTE contracts) that count any of them among their members.
 */
export async function readAffectedTerritories(manager: EntityManager, codes: string[]): Promise<TerritoryNode[]> {
  return (await manager.query(
    `WITH up AS (SELECT DISTINCT ancestor_code AS code FROM territory_ancestor WHERE territory_code = ANY($1::text[]))
     SELECT t.code, t.level, t.population FROM territory t WHERE t.code IN (SELECT code FROM up)
     UNION
     SELECT t.code, t.level, t.population FROM territory_membership m JOIN territory t ON t.code = m.perimeter_code
     WHERE m.member_code IN (SELECT code FROM up)`,
    [codes],
  )) as TerritoryNode[];
}

/**
 * Children used for aggregation: a perimeter's members, or else the territories whose parent it
 * is — perimeters themselves excluded, so that a contract's values are never counted twice in
 * the nation's.
 */
export async function readChildren(manager: EntityManager, parentCodes: string[]): Promise<Map<string, TerritoryNode[]>> {
  const rows = (await manager.query(
    `SELECT t.parent_code AS parent, t.code, t.level, t.population FROM territory t
     WHERE t.parent_code = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM territory_membership p WHERE p.perimeter_code = t.code)
     UNION ALL
     SELECT m.perimeter_code, t.code, t.level, t.population FROM territory_membership m JOIN territory t ON t.code = m.member_code
     WHERE m.perimeter_code = ANY($1::text[])`,
    [parentCodes],
  )) as (TerritoryNode & { parent: string })[];
  const map = new Map<string, TerritoryNode[]>();
  for (const row of rows) {
    let list = map.get(row.parent);
    if (!list) map.set(row.parent, (list = []));
    list.push({ code: row.code, level: row.level, population: row.population });
  }
  return map;
}
