import type { EntityManager } from 'typeorm';

/**
 * The level whose territories a territory's rate is compared with (peers' min/median/max, gap to
 * the median, the gauges). PILOTE compares a rate with the same-level territories, and a national
 * rate — alone at its level — with the distribution of its territories: here, the level most of
 * its children are at (the régions under France; custom perimeters such as CRTE contracts, which
 * group territories, are not its territories). Elsewhere it is the territory's own level.
 *
 * `comparisonLevelSql` is the same rule inside a statement ($territory and $level being the
 * parameters that hold the territory's code and level).
 */
export function comparisonLevelSql(territory: string, level: string): string {
  return `(SELECT CASE WHEN (SELECT count(*) FROM territory WHERE level = ${level}) > 1 THEN ${level}
            ELSE coalesce((SELECT c.level FROM territory c WHERE c.parent_code = ${territory}
                             AND NOT EXISTS (SELECT 1 FROM territory_membership m WHERE m.perimeter_code = c.code)
                           GROUP BY c.level ORDER BY count(*) DESC, c.level LIMIT 1), ${level}) END)`;
}

export async function comparisonLevel(db: EntityManager, territory: { code: string; level: string }): Promise<string> {
  const rows = (await db.query(`SELECT ${comparisonLevelSql('$1::text', '$2::text')} AS level`, [territory.code, territory.level])) as { level: string }[];
  return rows[0]?.level ?? territory.level;
}
