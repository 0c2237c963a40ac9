import { computeAlerts, computeStats, computeTrend, isOverdue, nextExpectedUpdate, type Periodicity } from '@pilote/engine';
import type { EntityManager } from 'typeorm';
import { explanationIds } from '../computation/explanation-ids';
import { GraphQLError } from 'graphql';
import type { HomeViewType, PolicyFilter, PolicyRowType, RateStatsType, TerritoryType } from './dashboard.types';
import { selectFreshness, selectPeerStats, selectPolicyRows, selectPrecomputedPeerStats, selectTerritoryMeans, type PeerStatsRecord, type PolicyRowRecord } from './dashboard-sql';
import type { ReadScope } from './read-scope';

export interface HomeOptions {
  asOf: string;
  /** Level ids from the broadest to the finest. */
  levelOrder: string[];
  /** Levels that have a map. */
  mapLevels: string[];
  /** The reader's scope (from @pilote/auth): peers, statistics and the map count only territories inside it. */
  scope?: ReadScope;
}

export async function findTerritory(db: EntityManager, code: string): Promise<TerritoryType> {
  const rows = (await db.query(`SELECT code, level, name, parent_code AS "parentCode", population FROM territory WHERE code = $1`, [code])) as TerritoryType[];
  if (!rows[0]) throw new GraphQLError(`Unknown territory "${code}".`, { extensions: { code: 'NOT_FOUND', field: 'territoryCode' } });
  return rows[0];
}

/** Builds the policy rows of one territory: rates, météo, trend, peers and alerts. */
export async function buildPolicyRows(db: EntityManager, territory: TerritoryType, filter: PolicyFilter, asOf: string, scope?: ReadScope): Promise<PolicyRowType[]> {
  const records = await selectPolicyRows(db, territory.code, filter);
  const ids = records.map((r) => r.id);
  const [peers, freshness] = await Promise.all([readPeerStats(db, territory.level, ids, scope), selectFreshness(db, territory.code, ids)]);
  const peersOf = new Map(peers.map((p) => [p.policy_id, p]));
  const overdueOf = new Set(
    freshness
      .filter((f) => f.last_date && isOverdue(nextExpectedUpdate({ lastDate: f.last_date, periodicity: f.periodicity as Periodicity, availabilityDelayDays: f.availability_delay_days }), asOf))
      .map((f) => f.policy_id),
  );
  const rows = records.map((record) => toPolicyRow(record, territory.code, peersOf.get(record.id), overdueOf.has(record.id)));
  return filter.alertsOnly ? rows.filter((row) => row.alerts.length > 0) : rows;
}

/** Peers' statistics: precomputed for a reader who sees everything, counted live inside a narrower scope. */
function readPeerStats(db: EntityManager, level: string, policyIds: string[], scope?: ReadScope): Promise<PeerStatsRecord[]> {
  return (scope?.territoryRoots ?? null) === null ? selectPrecomputedPeerStats(db, level, policyIds) : selectPeerStats(db, level, policyIds, scope);
}

function toPolicyRow(record: PolicyRowRecord, territoryCode: string, peer: { min: number | null; median: number | null; max: number | null; count: number } | undefined, overdue: boolean): PolicyRowType {
  const trend = computeTrend(record.global_rate, record.previous_global_rate);
  const gap = record.global_rate !== null && peer?.median !== null && peer?.median !== undefined ? record.global_rate - peer.median : null;
  const weatherFilled = Boolean(record.weather && record.weather !== 'NOT_FILLED');
  const alerts = computeAlerts({ gapToMedian: gap, trend: trend.direction, rateComputable: record.global_rate !== null, weatherFilled, overdue });
  return {
    policy: { id: record.id, code: record.code, name: record.name, kind: record.kind, status: record.status, description: record.description, owners: record.owners, levels: record.levels },
    globalRate: { value: record.global_rate, date: record.rate_date, reason: record.global_rate === null ? (record.global_reason ?? 'No value yet in this territory.') : null, explanationId: explanationIds.policyRate(record.id, territoryCode, 'global') },
    annualRate: { value: record.annual_rate, date: record.rate_date, reason: record.annual_rate === null ? (record.annual_reason ?? 'No value yet in this territory.') : null, explanationId: explanationIds.policyRate(record.id, territoryCode, 'annual') },
    weather: record.weather ? { level: record.weather, synthesis: record.weather_body, date: record.weather_date, author: record.weather_author } : null,
    trend: { direction: trend.direction, delta: trend.delta },
    gapToMedian: gap,
    peers: { value: record.global_rate, min: peer?.min ?? null, median: peer?.median ?? null, max: peer?.max ?? null, count: peer?.count ?? 0, explanationId: null },
    alerts: alerts.map((alert) => ({ code: alert.code, message: alert.explanation })),
  };
}

/** The home page of a territory in a constant number of SQL statements, whatever the number of policies. */
export async function buildHome(db: EntityManager, territoryCode: string, filter: PolicyFilter, options: HomeOptions): Promise<HomeViewType> {
  const territory = await findTerritory(db, territoryCode);
  const policies = await buildPolicyRows(db, territory, filter, options.asOf, options.scope);
  const ids = policies.map((row) => row.policy.id);
  const rank = options.levelOrder.indexOf(territory.level);
  const childLevel = options.levelOrder.slice(rank + 1).find((level) => options.mapLevels.includes(level)) ?? null;
  const mapLevel = childLevel ?? (options.mapLevels.includes(territory.level) ? territory.level : null);
  const [sameLevel, mapRows] = await Promise.all([
    selectTerritoryMeans(db, territory.level, ids, null, options.scope),
    mapLevel && mapLevel !== territory.level ? selectTerritoryMeans(db, mapLevel, ids, territory.level === options.levelOrder[0] ? null : territory.code, options.scope) : Promise.resolve(null),
  ]);
  const own = sameLevel.find((row) => row.code === territory.code);
  const stats = (key: 'global_mean' | 'annual_mean', value: number | null): RateStatsType => {
    const s = computeStats(sameLevel.map((row) => row[key]).filter((v): v is number => v !== null));
    return { value, min: s.min, median: s.median, max: s.max, count: s.count, explanationId: null };
  };
  const weatherCounts = new Map<string, number>();
  for (const row of policies) {
    const level = row.weather?.level ?? 'NOT_FILLED';
    weatherCounts.set(level, (weatherCounts.get(level) ?? 0) + 1);
  }
  const alertCounts = new Map<string, number>();
  for (const row of policies) for (const alert of row.alerts) alertCounts.set(alert.code, (alertCounts.get(alert.code) ?? 0) + 1);
  // No geometry at this level (EPCI, communes without a map file): no map, the table says it all.
  const map = (mapLevel === null ? [] : (mapRows ?? sameLevel)).map((row) => ({ code: row.code, name: row.name, level: row.level, value: row.global_mean }));
  return {
    territory,
    globalRate: stats('global_mean', own?.global_mean ?? null),
    annualRate: stats('annual_mean', own?.annual_mean ?? null),
    weatherDistribution: [...weatherCounts].map(([level, count]) => ({ level, count })),
    alertCounts: [...alertCounts].map(([code, count]) => ({ code, count })),
    policies,
    mapLevel,
    map,
  };
}
