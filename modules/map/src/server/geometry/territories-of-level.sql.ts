import type { EntityManager } from 'typeorm';

export interface LevelTerritory {
  code: string;
  insee_code: string | null;
}

/**
 * Territories of a level, optionally only those inside `within` (an ancestor, through the closure
 * table, or a perimeter such as a contract, through its members) and/or among `codes`.
 */
export async function selectLevelTerritories(db: EntityManager, level: string, filter: { within?: string; codes?: string[] } = {}): Promise<LevelTerritory[]> {
  const params: unknown[] = [level];
  let sql = `SELECT t.code, t.insee_code FROM territory t WHERE t.level = $1`;
  if (filter.within !== undefined) {
    params.push(filter.within);
    // Starts from the ancestor (indexed), so a département's communes do not scan every commune.
    sql += ` AND t.code IN (
      SELECT a.territory_code FROM territory_ancestor a WHERE a.ancestor_code = $${params.length}
      UNION
      SELECT a.territory_code FROM territory_membership m JOIN territory_ancestor a ON a.ancestor_code = m.member_code WHERE m.perimeter_code = $${params.length})`;
  }
  if (filter.codes !== undefined) {
    params.push(filter.codes);
    sql += ` AND t.code = ANY($${params.length}::text[])`;
  }
  return (await db.query(`${sql} ORDER BY t.code`, params)) as LevelTerritory[];
}

export async function territoryExists(db: EntityManager, code: string): Promise<boolean> {
  return ((await db.query(`SELECT 1 FROM territory WHERE code = $1`, [code])) as unknown[]).length > 0;
}
