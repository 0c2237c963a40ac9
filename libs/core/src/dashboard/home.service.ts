import { computeAlerts, computeStats, isOverdue, nextExpectedUpdate, type Periodicity, trendOf } from '@pilote/engine';
import type { EntityManager } from 'typeorm';
import { explanationIds, type GaugeStat, type PolicyFigure } from '../computation/explanation-ids';
import { GraphQLError } from 'graphql';
import type { HomeViewType, PolicyFilter, PolicyRowType, RateStatsType, TerritoryType } from './dashboard.types';
import { selectPolicyRows, selectTerritoryMeans, type FreshnessGroup, type PolicyRowRecord, type TerritoryMeanRecord } from './dashboard-sql';
import { selectHome, selectHomeTerritory } from './home-sql';
import { comparisonLevel } from './comparison-level';
import type { ReadScope } from '../access/request-scope';

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

/** Builds the policy rows of one territory: rates, météo, trend, peers and alerts (one SQL statement). */
export async function buildPolicyRows(db: EntityManager, territory: TerritoryType, filter: PolicyFilter, asOf: string, scope?: ReadScope): Promise<PolicyRowType[]> {
  return toPolicyRows(await selectPolicyRows(db, territory, filter, scope), territory.code, filter, asOf);
}

function toPolicyRows(records: PolicyRowRecord[], territoryCode: string, filter: PolicyFilter, asOf: string): PolicyRowType[] {
  const rows = records.map((record) => toPolicyRow(record, territoryCode, isAnyOverdue(record.freshness, asOf)));
  return filter.alertsOnly ? rows.filter((row) => row.alerts.length > 0) : rows;
}

function isAnyOverdue(groups: FreshnessGroup[] | null, asOf: string): boolean {
  return (groups ?? []).some((g) => isOverdue(nextExpectedUpdate({ lastDate: g.last, periodicity: g.periodicity as Periodicity, availabilityDelayDays: g.delay }), asOf));
}

function toPolicyRow(record: PolicyRowRecord, territoryCode: string, overdue: boolean): PolicyRowType {
  const trend = trendOf(record.global_rate, record.previous_global_rate);
  const gap = record.global_rate !== null && record.peer_median !== null ? record.global_rate - record.peer_median : null;
  const weatherFilled = Boolean(record.weather && record.weather !== 'NOT_FILLED');
  const alerts = computeAlerts({ gapToMedian: gap, trend: trend.direction, rateComputable: record.global_rate !== null, weatherFilled, weather: record.weather, overdue });
  const figure = (name: PolicyFigure) => explanationIds.policyFigure(record.id, territoryCode, name);
  return {
    policy: { id: record.id, code: record.code, name: record.name, kind: record.kind, status: record.status, description: record.description, owners: record.owners, levels: record.levels },
    globalRate: { value: record.global_rate, date: record.rate_date, reason: record.global_rate === null ? (record.global_reason ?? 'No value yet in this territory.') : null, reasonCode: record.global_rate === null ? (record.global_reason_code ?? 'no-value-yet') : null, reasonParams: record.global_reason_params, explanationId: explanationIds.policyRate(record.id, territoryCode, 'global') },
    annualRate: { value: record.annual_rate, date: record.rate_date, reason: record.annual_rate === null ? (record.annual_reason ?? 'No value yet in this territory.') : null, reasonCode: record.annual_rate === null ? (record.annual_reason_code ?? 'no-value-yet') : null, reasonParams: record.annual_reason_params, explanationId: explanationIds.policyRate(record.id, territoryCode, 'annual') },
    weather: record.weather ? { level: record.weather, synthesis: record.weather_body, date: record.weather_date, author: record.weather_author } : null,
    trend: { direction: trend.direction, delta: trend.delta, explanationId: figure('trend') },
    gapToMedian: gap,
    gapExplanationId: figure('gap'),
    peers: {
      value: record.global_rate, min: record.peer_min, median: record.peer_median, max: record.peer_max, count: record.peer_count ?? 0,
      explanationId: explanationIds.policyRate(record.id, territoryCode, 'global'),
      minExplanationId: figure('peers-min'), medianExplanationId: figure('peers-median'), maxExplanationId: figure('peers-max'),
    },
    alerts: alerts.map((alert) => ({ code: alert.code, message: alert.explanation })),
  };
}

/** The level shown on the map at a territory of `level`: the first finer level with a map, else its own if it has one. */
function mapLevelOf(level: string, options: HomeOptions): string | null {
  const rank = options.levelOrder.indexOf(level);
  const childLevel = options.levelOrder.slice(rank + 1).find((l) => options.mapLevels.includes(l)) ?? null;
  return childLevel ?? (options.mapLevels.includes(level) ? level : null);
}

/** The home page of a territory: two SQL statements (the territory with the ids of its policies, then everything else), three with "alerts only", whose means count only the policies shown. */
export async function buildHome(db: EntityManager, territoryCode: string, filter: PolicyFilter, options: HomeOptions): Promise<HomeViewType> {
  const { territory, policyIds } = await selectHomeTerritory(db, territoryCode, filter);
  if (!territory) throw new GraphQLError(`Unknown territory "${territoryCode}".`, { extensions: { code: 'NOT_FOUND', field: 'territoryCode' } });
  const mapLevel = mapLevelOf(territory.level, options);
  const finer = mapLevel !== null && mapLevel !== territory.level ? { level: mapLevel, parentCode: territory.level === options.levelOrder[0] ? null : territory.code } : null;
  const home = await selectHome(db, territory, policyIds, finer, options.scope);
  const policies = toPolicyRows(home.policies, territory.code, filter, options.asOf);
  let sameLevel: TerritoryMeanRecord[] = home.means.filter((row) => row.level === territory.level);
  let mapRows: TerritoryMeanRecord[] | null = finer ? home.means.filter((row) => row.level === finer.level) : null;
  if (filter.alertsOnly) {
    const ids = policies.map((row) => row.policy.id);
    [sameLevel, mapRows] = await Promise.all([
      selectTerritoryMeans(db, territory.level, ids, null, options.scope),
      finer ? selectTerritoryMeans(db, finer.level, ids, finer.parentCode, options.scope) : Promise.resolve(null),
    ]);
  }
  const own = sameLevel.find((row) => row.code === territory.code);
  // Alone at its level (France): the gauges compare its mean with its territories' (comparison-level.ts).
  if (sameLevel.length <= 1) {
    const level = await comparisonLevel(db, territory);
    if (level !== territory.level) sameLevel = await selectTerritoryMeans(db, level, filter.alertsOnly ? policies.map((row) => row.policy.id) : policyIds, territory.code, options.scope);
  }
  const stats = (key: 'global_mean' | 'annual_mean', value: number | null): RateStatsType => {
    const s = computeStats(sameLevel.map((row) => row[key]).filter((v): v is number => v !== null));
    const kind = key === 'global_mean' ? 'global' : 'annual';
    const id = (stat: GaugeStat) => explanationIds.homeGauge(territory.code, kind, stat, filter);
    return { value, min: s.min, median: s.median, max: s.max, count: s.count, explanationId: id('mean'), minExplanationId: id('min'), medianExplanationId: id('median'), maxExplanationId: id('max') };
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
