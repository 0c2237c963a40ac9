import { computeStats } from '@pilote/engine';
import type { EntityManager } from 'typeorm';
import type { PolicyRowType, RateStatsType, TerritoryType } from './dashboard.types';
import { selectTerritoryMeans } from './dashboard-sql';
import type { RoadmapItemType, TerritoryViewType } from './detail.types';
import { buildPolicyRows } from './home.service';
import { explanationIds, type GaugeStat } from '../computation/explanation-ids';
import { hasPolicyCells, type ReadScope, scopeSqlForPolicy } from '../access/request-scope';

interface RoadmapRecord { id: string; code: string; name: string; kind: string; status: string; description: string | null; owners: RoadmapItemType['policy']['owners']; levels: string[]; local_objective: string | null }

async function findTerritoryOrNull(db: EntityManager, code: string): Promise<TerritoryType | null> {
  const rows = (await db.query(`SELECT code, level, name, parent_code AS "parentCode", population FROM territory WHERE code = $1`, [code])) as TerritoryType[];
  return rows[0] ?? null;
}

/** The roadmap's policies: a reader limited to policies (ADR 037) sees only theirs (the guard checked the territory otherwise). */
async function selectRoadmap(db: EntityManager, code: string, scope?: ReadScope): Promise<RoadmapItemType[]> {
  const readable = hasPolicyCells(scope) ? scopeSqlForPolicy(scope, 'r.territory_code', 'p.id', 2) : { sql: '', params: [] };
  const rows = (await db.query(
    `SELECT p.id, p.code, p.name, p.kind, p.status, p.description, p.owners, p.levels, r.local_objective
     FROM roadmap_item r JOIN policy p ON p.id = r.policy_id
     WHERE r.territory_code = $1 AND p.status <> 'archived'${readable.sql} ORDER BY p.position, p.id`,
    [code, ...readable.params],
  )) as RoadmapRecord[];
  return rows.map(({ local_objective, ...policy }) => ({ policy, localObjective: local_objective }));
}

/** Mean of the policies' rates of one territory, with min/median/max over its level. */
async function rateAmongLevel(db: EntityManager, territory: TerritoryType, policyIds: string[], scope?: ReadScope, explained = false): Promise<RateStatsType> {
  const sameLevel = await selectTerritoryMeans(db, territory.level, policyIds, null, scope);
  const stats = computeStats(sameLevel.map((row) => row.global_mean).filter((v): v is number => v !== null));
  const own = sameLevel.find((row) => row.code === territory.code)?.global_mean ?? null;
  // The territory's own policies are those of its home without a filter: the home gauge explains them.
  const id = (stat: GaugeStat) => (explained ? explanationIds.homeGauge(territory.code, 'global', stat) : null);
  return { value: own, min: stats.min, median: stats.median, max: stats.max, count: stats.count, explanationId: id('mean'), minExplanationId: id('min'), medianExplanationId: id('median'), maxExplanationId: id('max') };
}

/**
 * The territory page: its policies (rates, météo, trend, alerts), its roadmap, its siblings
 * (same level, same parent) and its parent's rate. Null for an unknown code (the page says so).
 * A reader limited to policies sees the rows of their policies; the means (rate, siblings, parent)
 * mix every policy and count only the full roots (selectTerritoryMeans).
 */
export async function buildTerritoryView(db: EntityManager, code: string, asOf: string, scope?: ReadScope): Promise<TerritoryViewType | null> {
  const territory = await findTerritoryOrNull(db, code);
  if (!territory) return null;
  const parent = territory.parentCode ? await findTerritoryOrNull(db, territory.parentCode) : null;
  const rates: PolicyRowType[] = await buildPolicyRows(db, territory, {}, asOf, scope);
  const ids = rates.map((row) => row.policy.id);
  const [roadmap, siblings, rate, parentRate] = await Promise.all([
    selectRoadmap(db, code, scope),
    selectTerritoryMeans(db, territory.level, ids, territory.parentCode, scope),
    rateAmongLevel(db, territory, ids, scope, true),
    parent ? rateAmongLevel(db, parent, ids, scope) : Promise.resolve(null),
  ]);
  return {
    territory,
    parent,
    rates,
    roadmap,
    peers: siblings.map((row) => ({ code: row.code, name: row.name, level: row.level, value: row.global_mean })),
    rate,
    parentRate,
  };
}
