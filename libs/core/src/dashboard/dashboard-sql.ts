import type { EntityManager } from 'typeorm';
import type { PolicyFilter } from './dashboard.types';
import { type ReadScope, scopeSql } from './read-scope';

export interface PolicyRowRecord {
  id: string; code: string; name: string; kind: string; status: string; description: string | null;
  owners: { name: string; email: string; role?: string }[]; levels: string[];
  annual_rate: number | null; global_rate: number | null; previous_global_rate: number | null; rate_date: string | null;
  annual_reason: string | null; global_reason: string | null; has_state: boolean;
  weather: string | null; weather_body: string | null; weather_date: string | null; weather_author: string | null;
}

/**
 * Policies matching the filter with their state and latest météo at one territory: one statement.
 * An explanation (jsonb) is opened only for the reason of a missing rate.
 */
export async function selectPolicyRows(db: EntityManager, territoryCode: string, filter: PolicyFilter = {}): Promise<PolicyRowRecord[]> {
  return (await db.query(
    `SELECT p.id, p.code, p.name, p.kind, p.status, p.description, p.owners, p.levels,
            ps.annual_rate, ps.global_rate, ps.previous_global_rate, to_char(ps.rate_date, 'YYYY-MM-DD') AS rate_date,
            CASE WHEN ps.annual_rate IS NULL THEN ps.annual_explanation->>'reason' END AS annual_reason,
            CASE WHEN ps.global_rate IS NULL THEN ps.global_explanation->>'reason' END AS global_reason,
            ps.policy_id IS NOT NULL AS has_state,
            w.weather, w.body AS weather_body, to_char(w.date, 'YYYY-MM-DD') AS weather_date, w.author_name AS weather_author
     FROM policy p
     LEFT JOIN policy_state ps ON ps.policy_id = p.id AND ps.territory_code = $1
     LEFT JOIN LATERAL (
       SELECT weather, body, date, author_name FROM narrative n
       WHERE n.policy_id = p.id AND n.territory_code = $1 AND n.kind = 'weather' AND n.state = 'published'
       ORDER BY n.date DESC, n.id DESC LIMIT 1
     ) w ON true
     WHERE p.status = ANY($2::text[])
       AND ($3::text[] IS NULL OR EXISTS (SELECT 1 FROM policy_taxonomy pt WHERE pt.policy_id = p.id AND pt.taxonomy_id = ANY($3::text[])))
       AND ($4::text[] IS NULL OR p.kind = ANY($4::text[]))
       AND ($5::text IS NULL OR p.name ILIKE '%' || $5 || '%' OR p.code ILIKE '%' || $5 || '%')
       AND (SELECT level FROM territory WHERE code = $1) = ANY(p.levels)
     ORDER BY p.position, p.id`,
    [
      territoryCode,
      filter.statuses?.length ? filter.statuses : ['published'],
      filter.taxonomyIds?.length ? filter.taxonomyIds : null,
      filter.kinds?.length ? filter.kinds : null,
      filter.search?.trim() || null,
    ],
  )) as PolicyRowRecord[];
}

export interface PeerStatsRecord { policy_id: string; min: number | null; median: number | null; max: number | null; count: number }

/** Min/median/max of each policy's global rate over the territories of one level. */
export async function selectPeerStats(db: EntityManager, level: string, policyIds: string[], scope?: ReadScope): Promise<PeerStatsRecord[]> {
  const inScope = scopeSql(scope, 'ps.territory_code', 3); // peers outside the reader's scope are not counted
  return (await db.query(
    `SELECT ps.policy_id, min(ps.global_rate) AS min, percentile_cont(0.5) WITHIN GROUP (ORDER BY ps.global_rate) AS median,
            max(ps.global_rate) AS max, count(ps.global_rate)::int AS count
     FROM policy_state ps JOIN territory t ON t.code = ps.territory_code
     WHERE t.level = $1 AND ps.policy_id = ANY($2::text[])${inScope.sql}
     GROUP BY ps.policy_id`,
    [level, policyIds, ...inScope.params],
  )) as PeerStatsRecord[];
}

/**
 * The same statistics for a reader who sees every territory, precomputed at write time
 * (computation/refresh-peer-stats.ts): 200 rows read instead of every peer's state aggregated.
 */
export async function selectPrecomputedPeerStats(db: EntityManager, level: string, policyIds: string[]): Promise<PeerStatsRecord[]> {
  return (await db.query(
    `SELECT policy_id, global_min AS min, global_median AS median, global_max AS max, global_count AS count
     FROM policy_peer_stats WHERE level = $1 AND policy_id = ANY($2::text[])`,
    [level, policyIds],
  )) as PeerStatsRecord[];
}

export interface TerritoryMeanRecord { code: string; name: string; level: string; global_mean: number | null; annual_mean: number | null }

/** Each territory of a level (optionally under a parent) with the mean of the policies' rates. */
export async function selectTerritoryMeans(db: EntityManager, level: string, policyIds: string[], parentCode: string | null, scope?: ReadScope): Promise<TerritoryMeanRecord[]> {
  const inScope = scopeSql(scope, 't.code', 4);
  return (await db.query(
    `SELECT t.code, t.name, t.level, avg(ps.global_rate) AS global_mean, avg(ps.annual_rate) AS annual_mean
     FROM territory t
     LEFT JOIN policy_state ps ON ps.territory_code = t.code AND ps.policy_id = ANY($2::text[])
     WHERE t.level = $1 AND ($3::text IS NULL OR t.parent_code = $3)${inScope.sql}
     GROUP BY t.code, t.name, t.level ORDER BY t.code`,
    [level, policyIds, parentCode, ...inScope.params],
  )) as TerritoryMeanRecord[];
}

export interface FreshnessRecord { policy_id: string; indicator_id: string; periodicity: string; availability_delay_days: number; last_date: string | null }

/** Latest value date of each indicator of these policies at a territory, for "update overdue". */
export async function selectFreshness(db: EntityManager, territoryCode: string, policyIds: string[]): Promise<FreshnessRecord[]> {
  return (await db.query(
    `SELECT i.policy_id, i.id AS indicator_id, i.periodicity, i.availability_delay_days, to_char(s.current_value_date, 'YYYY-MM-DD') AS last_date
     FROM indicator i JOIN indicator_state s ON s.indicator_id = i.id AND s.territory_code = $1
     WHERE i.policy_id = ANY($2::text[]) AND i.status = 'active'`,
    [territoryCode, policyIds],
  )) as FreshnessRecord[];
}
