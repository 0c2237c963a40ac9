import type { EntityManager } from 'typeorm';
import type { PolicyFilter, TerritoryType } from './dashboard.types';
import { policyFilterParams, policyFilterSql, POLICY_ROWS_JSON, type PolicyRowRecord, policyRowsSql, type TerritoryMeanRecord, territoryMeansSql } from './dashboard-sql';
import { type ReadScope, scopeSql } from '../access/request-scope';

export interface HomeTerritoryRecord {
  territory: TerritoryType | null;
  /** The policies the filter keeps at the territory's level. */
  policyIds: string[];
}

/** The territory of a home page and the ids of the policies its filter keeps there (one statement). */
export async function selectHomeTerritory(db: EntityManager, territoryCode: string, filter: PolicyFilter): Promise<HomeTerritoryRecord> {
  const rows = (await db.query(
    `SELECT json_build_object('code', t.code, 'level', t.level, 'name', t.name, 'parentCode', t.parent_code, 'population', t.population) AS territory,
            (SELECT coalesce(array_agg(p.id), '{}') FROM policy p WHERE ${policyFilterSql('t.level', 2)}) AS "policyIds"
     FROM territory t WHERE t.code = $1`,
    [territoryCode, ...policyFilterParams(filter)],
  )) as HomeTerritoryRecord[];
  return rows[0] ?? { territory: null, policyIds: [] };
}

export interface HomeRecord {
  policies: PolicyRowRecord[];
  /** Every territory of the territory's level, then the territories of the finer map level. */
  means: TerritoryMeanRecord[];
}

/**
 * The rest of the home page of a known territory in ONE statement: its policy rows
 * (policyRowsSql) and the territory means of the gauges (every territory of its level) and of the
 * map (`finerMap`: a finer level that has a map, under the territory unless `parentCode` is null).
 * The level and the policy ids are parameters, not subqueries: the planner's estimates depend on
 * the level (19 territories at FRANCE, 34,875 communes), and a constant list of ids is probed
 * through a hash for each of the ~20,000 states the means read at a département (joined to
 * `policy` instead, the plan flipped to one index lookup per state: 3 to 5 times slower).
 */
export async function selectHome(
  db: EntityManager,
  territory: Pick<TerritoryType, 'code' | 'level'>,
  policyIds: string[],
  finerMap: { level: string; parentCode: string | null } | null,
  scope?: ReadScope,
): Promise<HomeRecord> {
  // $1 territory, $2 level, $3 policy ids, then the reader's scope (read again by the means: $4 is
  // its full roots, with or without policy cells — a mean mixes policies, so cells add no territory).
  const { ctes, params } = policyRowsSql(territory, { ids: policyIds }, scope);
  const inScope = scopeSql(scope, 'x.code', 4).sql;
  const n = params.length;
  const territories = `x.level = $2::text OR (x.level = $${n + 1}::text AND ($${n + 2}::text IS NULL OR x.parent_code = $${n + 2}))`;
  const rows = (await db.query(
    `WITH ${ctes},
     means AS (${territoryMeansSql('= ANY($3::text[])', territories, inScope)})
     SELECT ${POLICY_ROWS_JSON} AS policies, coalesce((SELECT json_agg(m ORDER BY m.code) FROM means m), '[]'::json) AS means`,
    [...params, finerMap?.level ?? null, finerMap?.parentCode ?? null],
  )) as HomeRecord[];
  return rows[0];
}
