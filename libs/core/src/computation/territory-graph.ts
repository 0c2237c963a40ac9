import type { EntityManager } from 'typeorm';
import type { TerritoryNode } from './computation.types';

/** The territories touched by a write: the written ones and all their ancestors, by level. */
export async function readAffectedTerritories(manager: EntityManager, codes: string[]): Promise<TerritoryNode[]> {
  return (await manager.query(
    `SELECT DISTINCT t.code, t.level, t.population FROM territory_ancestor a JOIN territory t ON t.code = a.ancestor_code
     WHERE a.territory_code = ANY($1::text[])`,
    [codes],
  )) as TerritoryNode[];
}

/** Children used for aggregation: the territories below (parent_code), or a perimeter's members. */
export async function readChildren(manager: EntityManager, parentCodes: string[]): Promise<Map<string, TerritoryNode[]>> {
  const rows = (await manager.query(
    `SELECT parent_code AS parent, code, level, population FROM territory WHERE parent_code = ANY($1::text[]) AND level <> 'PERIMETER'
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
