import type { EntityManager } from 'typeorm';

/** A territory and all its ancestors (empty for an unknown code, which then matches no scope). */
export async function territoryPath(db: EntityManager, code: string): Promise<string[]> {
  const rows = (await db.query(`SELECT ancestor_code FROM territory_ancestor WHERE territory_code = $1 ORDER BY depth`, [code])) as { ancestor_code: string }[];
  return rows.map((row) => row.ancestor_code);
}
