import type { EntityManager } from 'typeorm';
import type { PolicyFilter, TerritoryType } from './dashboard.types';
import { POLICY_ROWS_JSON, type PolicyRowRecord, policyRowsSql, scopedParamCount, type TerritoryMeanRecord, territoryMeansSql } from './dashboard-sql';
import { type ReadScope, scopeSql } from './read-scope';

export interface HomeRecord {
  policies: PolicyRowRecord[];
  /** Every territory of the territory's level, then the territories of the finer map level. */
  means: TerritoryMeanRecord[];
}

/**
 * The home page of a known territory in ONE statement (one round trip, one plan): its policy rows
 * (policyRowsSql) and the territory means of the gauges (every territory of its level) and of the
 * map (`finerMap`: a finer level that has a map, under the territory unless `parentCode` is null).
 * The level is a parameter rather than a subquery: the planner's estimates depend on it (19
 * territories at FRANCE, 34,875 at the communes' level).
 */
export async function selectHome(
  db: EntityManager,
  territory: Pick<TerritoryType, 'code' | 'level'>,
  filter: PolicyFilter,
  finerMap: { level: string; parentCode: string | null } | null,
  scope?: ReadScope,
): Promise<HomeRecord> {
  const n = scopedParamCount(scope);
  const level = `$${n + 1}::text`;
  const { ctes, params } = policyRowsSql(territory.code, level, filter, scope);
  // The reader's scope is policyRowsSql's last parameter: the means read it again.
  const inScope = scopeSql(scope, 'x.code', n).sql;
  const territories = `x.level = ${level} OR (x.level = $${n + 2}::text AND ($${n + 3}::text IS NULL OR x.parent_code = $${n + 3}))`;
  const rows = (await db.query(
    `WITH ${ctes},
     means AS (${territoryMeansSql('IN (SELECT id FROM pol)', territories, inScope)})
     SELECT ${POLICY_ROWS_JSON} AS policies, coalesce((SELECT json_agg(m ORDER BY m.code) FROM means m), '[]'::json) AS means`,
    [...params, territory.level, finerMap?.level ?? null, finerMap?.parentCode ?? null],
  )) as HomeRecord[];
  return rows[0];
}
