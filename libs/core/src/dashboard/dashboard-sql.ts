import type { EntityManager } from 'typeorm';
import type { PolicyFilter } from './dashboard.types';
import { hasPolicyCells, type ReadScope, scopeSql, scopeSqlForPolicy } from '../access/request-scope';
import { comparisonLevelSql } from './comparison-level';

export interface PolicyRowRecord {
  id: string; code: string; name: string; kind: string; status: string; description: string | null;
  owners: { name: string; email: string; role?: string }[]; levels: string[];
  annual_rate: number | null; global_rate: number | null; previous_global_rate: number | null; rate_date: string | null;
  annual_reason: string | null; global_reason: string | null; annual_reason_code: string | null; global_reason_code: string | null; annual_reason_params: string | null; global_reason_params: string | null;
  weather: string | null; weather_body: string | null; weather_date: string | null; weather_author: string | null;
  /** Peers' statistics of the global rate over the territories of the same level (the reader's scope). */
  peer_min: number | null; peer_median: number | null; peer_max: number | null; peer_count: number | null;
  /** For "update overdue": the oldest latest-value date of the policy's active indicators here, per periodicity and delay. */
  freshness: FreshnessGroup[] | null;
}

/**
 * Indicators of one policy sharing a periodicity and an availability delay, with the oldest of
 * their latest value dates: the next expected update only grows with the last date, so one of
 * them is overdue exactly when the one with this date is.
 */
export interface FreshnessGroup { periodicity: string; delay: number; last: string }

/** The CTEs of the policy rows at territory `$1` (see policyRowsSql), and their parameters. */
export interface PolicyRowsSql {
  /** `pol` (the policies), `peers`, `freshness`, `policy_rows` (one row per policy, with `position`). */
  ctes: string;
  params: unknown[];
}

/** Which policies: those a filter keeps at the territory's level, or these ids (already chosen by a filter). */
export type PolicySelection = { filter: PolicyFilter } | { ids: string[] };

/**
 * The policies at a territory, as CTEs a statement can read: their state and latest météo, the
 * peers' statistics (kept at write time for a reader who sees everything, counted live in a
 * narrower scope) and what "update overdue" needs. An explanation (jsonb) is opened only for the
 * reason of a missing rate. Parameters: $1 the territory, $2 its level (a parameter: the planner's
 * estimates depend on it), then the selection's, then the scope's; callers number theirs after
 * `params.length`.
 */
export function policyRowsSql(territory: { code: string; level: string }, policies: PolicySelection, scope?: ReadScope): PolicyRowsSql {
  const levelSql = '$2::text';
  const selection = 'ids' in policies
    ? { where: 'p.id = ANY($3::text[])', params: [policies.ids] }
    : { where: policyFilterSql(levelSql, 3), params: policyFilterParams(policies.filter) };
  const live = (scope?.territoryRoots ?? null) !== null;
  // Both fragments use the same placeholders and parameters (scopeSqlForPolicy): passed once.
  const first = 3 + selection.params.length;
  const inScope = scopeSqlForPolicy(scope, 'ps.territory_code', 'ps.policy_id', first);
  // A right limited to policies (ADR 037) sees at $1 only the policies of its cells there. Without
  // cells the guard has checked that $1 is inside the roots: every policy there is readable.
  const readableHere = hasPolicyCells(scope) ? scopeSqlForPolicy(scope, '$1::text', 'p.id', first).sql : '';
  // Peers: the same-level territories, or a national territory's own territories (comparison-level.ts).
  const peerLevel = comparisonLevelSql('$1::text', levelSql);
  const peers = live ? livePeerStatsSql(peerLevel, 'IN (SELECT id FROM pol)', inScope.sql) : precomputedPeerStatsSql(peerLevel, 'IN (SELECT id FROM pol)');
  const ctes = `pol AS (
       SELECT p.id, p.code, p.name, p.kind, p.status, p.description, p.owners, p.levels, p.position FROM policy p
       WHERE ${selection.where}${readableHere}
     ),
     peers AS (${peers}),
     freshness AS (
       SELECT policy_id, json_agg(json_build_object('periodicity', periodicity, 'delay', availability_delay_days, 'last', to_char(last, 'YYYY-MM-DD'))) AS groups
       FROM (
         SELECT i.policy_id, i.periodicity, i.availability_delay_days, min(s.current_value_date) AS last
         FROM indicator i JOIN indicator_state s ON s.indicator_id = i.id AND s.territory_code = $1
         WHERE i.status = 'active' AND i.policy_id IN (SELECT id FROM pol) AND s.current_value_date IS NOT NULL
         GROUP BY 1, 2, 3) g
       GROUP BY policy_id
     ),
     policy_rows AS (
       SELECT p.id, p.code, p.name, p.kind, p.status, p.description, p.owners, p.levels, p.position,
              ps.annual_rate, ps.global_rate, ps.previous_global_rate, to_char(ps.rate_date, 'YYYY-MM-DD') AS rate_date,
              CASE WHEN ps.annual_rate IS NULL THEN ps.annual_explanation->>'reason' END AS annual_reason,
              CASE WHEN ps.global_rate IS NULL THEN ps.global_explanation->>'reason' END AS global_reason,
              CASE WHEN ps.annual_rate IS NULL THEN ps.annual_explanation->>'reasonCode' END AS annual_reason_code,
              CASE WHEN ps.global_rate IS NULL THEN ps.global_explanation->>'reasonCode' END AS global_reason_code,
              CASE WHEN ps.annual_rate IS NULL THEN ps.annual_explanation->>'reasonParams' END AS annual_reason_params,
              CASE WHEN ps.global_rate IS NULL THEN ps.global_explanation->>'reasonParams' END AS global_reason_params,
              w.weather, w.body AS weather_body, to_char(w.date, 'YYYY-MM-DD') AS weather_date, w.author_name AS weather_author,
              pe.min AS peer_min, pe.median AS peer_median, pe.max AS peer_max, pe.count AS peer_count,
              f.groups AS freshness
       FROM pol p
       LEFT JOIN policy_state ps ON ps.policy_id = p.id AND ps.territory_code = $1
       LEFT JOIN LATERAL (
         SELECT weather, body, date, author_name FROM narrative n
         WHERE n.policy_id = p.id AND n.territory_code = $1 AND n.kind = 'weather' AND n.state = 'published'
         ORDER BY n.date DESC, n.id DESC LIMIT 1
       ) w ON true
       LEFT JOIN peers pe ON pe.policy_id = p.id
       LEFT JOIN freshness f ON f.policy_id = p.id
     )`;
  return { ctes, params: [territory.code, territory.level, ...selection.params, ...inScope.params] };
}

/** The parameters of policyFilterSql, in order: the filter's statuses, taxonomies, kinds and search. */
export function policyFilterParams(filter: PolicyFilter): unknown[] {
  return [
    filter.statuses?.length ? filter.statuses : ['published'],
    filter.taxonomyIds?.length ? filter.taxonomyIds : null,
    filter.kinds?.length ? filter.kinds : null,
    filter.search?.trim() || null,
  ];
}

/** The condition on `policy p` of the policies a filter keeps at a level (SQL), policyFilterParams being $first to $first+3. */
export function policyFilterSql(levelSql: string, first: number): string {
  const [statuses, taxonomies, kinds, search] = [first, first + 1, first + 2, first + 3].map((n) => `$${n}`);
  return `p.status = ANY(${statuses}::text[])
         AND (${taxonomies}::text[] IS NULL OR EXISTS (SELECT 1 FROM policy_taxonomy pt WHERE pt.policy_id = p.id AND pt.taxonomy_id = ANY(${taxonomies}::text[])))
         AND (${kinds}::text[] IS NULL OR p.kind = ANY(${kinds}::text[]))
         AND (${search}::text IS NULL OR p.name ILIKE '%' || ${search} || '%' OR p.code ILIKE '%' || ${search} || '%')
         AND ${levelSql} = ANY(p.levels)`;
}

/** The policy rows as one JSON array (parsed once by the driver instead of row by row). */
export const POLICY_ROWS_JSON = `coalesce((SELECT json_agg(r ORDER BY r.position, r.id) FROM policy_rows r), '[]'::json)`;

/** Policies matching the filter at one territory, in one statement (policyRowsSql). */
export async function selectPolicyRows(db: EntityManager, territory: { code: string; level: string }, filter: PolicyFilter = {}, scope?: ReadScope): Promise<PolicyRowRecord[]> {
  const { ctes, params } = policyRowsSql(territory, { filter }, scope);
  const rows = (await db.query(`WITH ${ctes} SELECT ${POLICY_ROWS_JSON} AS policies`, params)) as { policies: PolicyRowRecord[] }[];
  return rows[0].policies;
}

export interface PeerStatsRecord { policy_id: string; min: number | null; median: number | null; max: number | null; count: number }

/** Min/median/max/count of each policy's global rate over the territories of a level: the SQL, for a level and policy condition. */
function livePeerStatsSql(level: string, policyCondition: string, inScope: string): string {
  return `SELECT ps.policy_id, min(ps.global_rate) AS min, percentile_cont(0.5) WITHIN GROUP (ORDER BY ps.global_rate) AS median,
            max(ps.global_rate) AS max, count(ps.global_rate)::int AS count
     FROM policy_state ps JOIN territory t ON t.code = ps.territory_code
     WHERE t.level = ${level} AND ps.policy_id ${policyCondition}${inScope}
     GROUP BY ps.policy_id`;
}

/** Min/median/max of each policy's global rate over the territories of one level, counted live. */
export async function selectPeerStats(db: EntityManager, level: string, policyIds: string[], scope?: ReadScope): Promise<PeerStatsRecord[]> {
  const inScope = scopeSqlForPolicy(scope, 'ps.territory_code', 'ps.policy_id', 3); // peers outside the reader's scope are not counted
  return (await db.query(livePeerStatsSql('$1', '= ANY($2::text[])', inScope.sql), [level, policyIds, ...inScope.params])) as PeerStatsRecord[];
}

/**
 * The same statistics for a reader who sees every territory, precomputed at write time
 * (computation/refresh-peer-stats.ts): 200 rows read instead of every peer's state aggregated.
 */
function precomputedPeerStatsSql(level: string, policyCondition: string): string {
  return `SELECT policy_id, global_min AS min, global_median AS median, global_max AS max, global_count AS count
     FROM policy_peer_stats WHERE level = ${level} AND policy_id ${policyCondition}`;
}

export async function selectPrecomputedPeerStats(db: EntityManager, level: string, policyIds: string[]): Promise<PeerStatsRecord[]> {
  return (await db.query(precomputedPeerStatsSql('$1', '= ANY($2::text[])'), [level, policyIds])) as PeerStatsRecord[];
}

export interface TerritoryMeanRecord { code: string; name: string; level: string; global_mean: number | null; annual_mean: number | null }

/**
 * Territories with the mean of the policies' rates (`policyCondition` on ps.policy_id): SQL for
 * the territories matching `where` (on alias x), inside the reader's scope. One aggregate per
 * territory over its covering index (territory_code, policy_id) INCLUDE (rates): at a
 * département's home, 101 territories × 201 policies are read, and grouping them afterwards
 * sorted 20,000 rows by territory code (twice the time).
 */
export function territoryMeansSql(policyCondition: string, where: string, inScope: string): string {
  return `SELECT x.code, x.name, x.level, m.global_mean, m.annual_mean
     FROM territory x
     CROSS JOIN LATERAL (
       SELECT avg(ps.global_rate) AS global_mean, avg(ps.annual_rate) AS annual_mean
       FROM policy_state ps WHERE ps.territory_code = x.code AND ps.policy_id ${policyCondition}
     ) m
     WHERE (${where})${inScope}`;
}

/**
 * Each territory of a level (optionally under a parent) with the mean of the policies' rates. A
 * mean mixes policies: only territories inside the full roots (scopeSql), never a policy cell's —
 * a reader limited to policies gets none (no gauge, no map) rather than other policies' rates.
 */
export async function selectTerritoryMeans(db: EntityManager, level: string, policyIds: string[], parentCode: string | null, scope?: ReadScope): Promise<TerritoryMeanRecord[]> {
  const inScope = scopeSql(scope, 'x.code', 4);
  return (await db.query(`${territoryMeansSql('= ANY($2::text[])', 'x.level = $1 AND ($3::text IS NULL OR x.parent_code = $3)', inScope.sql)} ORDER BY x.code`, [
    level, policyIds, parentCode, ...inScope.params,
  ])) as TerritoryMeanRecord[];
}
