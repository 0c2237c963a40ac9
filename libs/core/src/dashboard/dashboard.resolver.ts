import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { KIT_CONTEXT, type KitContext } from '../boot/kit-context';
import { currentAsOf } from '../computation/as-of';
import { parseAsOfDate, readValuesAsOf } from '../computation/values-as-of';
import { LIGHT_QUERY_COST, LIST_QUERY_COST } from '../graphql/query-costs';
import { HomeViewType, IndicatorType, PolicyFilter, PolicyType, TaxonomyType, TerritoryConnection, TerritoryType } from './dashboard.types';
import { loadersFor } from './dashboard-loaders';
import { ExplanationType, IndicatorSeriesType, PolicyAtTerritoryType, TerritoryViewType } from './detail.types';
import { findExplanation } from './explanation.service';
import { buildHome } from './home.service';
import { ConcurrencyGate, heavyReadsAtOnce } from './concurrency-gate';
import { ReadCache } from './read-cache';
import { buildPolicyAt } from './policy-detail.service';
import { buildIndicatorSeries } from './series.service';
import { buildIndicatorView } from './indicator-view.service';
import { IndicatorViewType } from './indicator-view.types';
import { listTerritories } from './territory.service';
import { buildTerritoryView } from './territory-view.service';
import { Can, type CanOptions, indicatorArg, policyArg, type TerritoryFrom, territoryArg } from '../access/access.decorators';
import { readScopeOf, scopeKey } from '../access/request-scope';
import { parseExplanationId } from '../computation/explanation-ids';
import { readDashboard } from '../replica/read-your-writes';
import type { EntityManager } from 'typeorm';

/**
 * Everything a dashboard shows needs `read Dashboard`; with a territory argument, in that territory.
 * A right limited to policies (ADR 037) reads a view only when the view names its policy
 * (`policyFrom`, `indicatorFrom`) or filters its rows by the scope's policy cells (`policyCells`).
 */
const ReadDashboard = (territoryFrom?: TerritoryFrom, more: Omit<CanOptions, 'territoryFrom'> = {}) => Can('read', 'Dashboard', { territoryFrom, ...more });

/** The policy or the indicator an explanation id is about (a home gauge mixes every policy: none). */
const explainedPolicy = (args: Record<string, unknown>) => {
  const parsed = parseExplanationId(String(args.id ?? ''));
  return parsed && (parsed.subject === 'policy' || parsed.subject === 'policy-figure') ? parsed.id : null;
};
const explainedIndicator = (args: Record<string, unknown>) => {
  const parsed = parseExplanationId(String(args.id ?? ''));
  return parsed && (parsed.subject === 'indicator' || parsed.subject === 'indicator-value') ? parsed.id : null;
};

const AS_OF = { nullable: true, description: 'The date the page is read at (YYYY-MM-DD, not after today): values, rates and météo as they were then, recomputed from the values dated on or before it (ADR 042). Default: today.' };

/** Answers of `home` kept per replica (PILOTE_READ_CACHE_ENTRIES, default 64; 0 = off), never stale: read-cache.ts. */
function readCacheEntries(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.PILOTE_READ_CACHE_ENTRIES ?? 64);
  return Number.isInteger(value) && value >= 0 ? value : 64;
}

@Resolver()
export class DashboardResolver {
  private readonly homes = new ReadCache<HomeViewType>(readCacheEntries());
  /** The costly reads below compute through it (cache hits do not): concurrency-gate.ts. */
  private readonly heavy: ConcurrencyGate;

  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {
    this.heavy = new ConcurrencyGate(heavyReadsAtOnce(kit.database.poolSize));
  }

  private get db() {
    return this.kit.dataSource.manager;
  }

  /** Runs a read on the replica when this reader may read there (ADR 034), else on the primary. */
  private read<T>(ctx: unknown, read: (db: EntityManager) => Promise<T>): Promise<T> {
    return readDashboard(this.kit, ctx, read);
  }

  /** Answers at a past date, kept while the data revision is unchanged (each one recomputes every rate once). */
  private readonly past = new ReadCache<unknown>(Math.min(16, readCacheEntries()));

  /**
   * Today (no date, or today's): the kept rates, on a replica when allowed. A past date: the
   * values dated up to it, every rate computed again on the primary in a rolled-back transaction (ADR 042).
   */
  private readAt<T>(ctx: unknown, asOf: string | null | undefined, key: unknown[], read: (db: EntityManager, date: string) => Promise<T>): Promise<T> {
    const today = currentAsOf();
    if (asOf === undefined || asOf === null || asOf === '' || asOf === today) return this.read(ctx, (db) => read(db, today));
    const date = parseAsOfDate(asOf, today);
    const cacheKey = JSON.stringify([...key, date, scopeKey(readScopeOf(ctx))]);
    return this.past.get(this.db, cacheKey, () => this.heavy.run(() => readValuesAsOf(this.kit.dataSource, date, this.levels.order, (db) => read(db, date)))) as Promise<T>;
  }

  private get levels() {
    const levels = this.kit.instance.config.territoryLevels;
    return { order: levels.filter((l) => !l.perimeter).map((l) => l.id), maps: levels.filter((l) => l.hasMap).map((l) => l.id) };
  }

  private childLevel(level: string): string | null {
    const order = this.levels.order;
    return order[order.indexOf(level) + 1] ?? null;
  }

  @Query(() => HomeViewType, { description: 'Policies with rates, météo, trend, gap and alerts at a territory, with peers statistics and a map.' })
  @ReadDashboard(territoryArg('territoryCode'), { policyCells: true })
  home(@Args('territoryCode') territoryCode: string, @Args('filter', { type: () => PolicyFilter, nullable: true }) filter?: PolicyFilter, @Context() ctx?: object, @Args('asOf', AS_OF) pastDate?: string) {
    const scope = readScopeOf(ctx);
    if (pastDate && pastDate !== currentAsOf()) {
      return this.readAt(ctx, pastDate, ['home', territoryCode, filter ?? {}], (db, date) => buildHome(db, territoryCode, filter ?? {}, { asOf: date, levelOrder: this.levels.order, mapLevels: this.levels.maps, scope }));
    }
    const asOf = currentAsOf();
    const key = JSON.stringify([territoryCode, filter ?? {}, asOf, scopeKey(scope)]);
    return this.read(ctx, (db) => this.homes.get(db, key, () => this.heavy.run(() => buildHome(db, territoryCode, filter ?? {}, { asOf, levelOrder: this.levels.order, mapLevels: this.levels.maps, scope })), { fold: db === this.db }));
  }

  @Query(() => PolicyAtTerritoryType, { description: 'One policy at one territory (the policy page).' })
  @ReadDashboard(territoryArg('territoryCode'), { policyFrom: policyArg('policyId') })
  policyAt(@Args('policyId', { type: () => ID }) policyId: string, @Args('territoryCode') territoryCode: string, @Context() ctx?: object, @Args('asOf', AS_OF) asOf?: string) {
    const build = async (db: EntityManager, date: string) => {
      const territory = (await db.query(`SELECT level FROM territory WHERE code = $1`, [territoryCode])) as { level: string }[];
      return buildPolicyAt(db, policyId, territoryCode, date, territory[0] ? this.childLevel(territory[0].level) : null, readScopeOf(ctx));
    };
    if (asOf && asOf !== currentAsOf()) return this.readAt(ctx, asOf, ['policyAt', policyId, territoryCode], build);
    return this.read(ctx, (db) => this.heavy.run(() => build(db, currentAsOf())));
  }

  @Query(() => IndicatorSeriesType)
  @ReadDashboard(territoryArg('territoryCode'), { indicatorFrom: indicatorArg('indicatorId') })
  indicatorSeries(
    @Args('indicatorId', { type: () => ID }) indicatorId: string,
    @Args('territoryCode') territoryCode: string,
    @Args('withChildren', { defaultValue: false }) withChildren: boolean,
    @Context() ctx?: object,
    @Args('asOf', { nullable: true, description: 'The date the page is read at (YYYY-MM-DD, not after today): only the points dated on or before it (ADR 042). Default: every point.' }) asOf?: string,
  ) {
    // A point aggregated at a date only uses values dated on or before it: no recomputation, only a cut.
    const until = asOf ? parseAsOfDate(asOf, currentAsOf()) : undefined;
    return this.read(ctx, (db) => this.heavy.run(() => buildIndicatorSeries(db, indicatorId, territoryCode, withChildren, { until })));
  }

  @Query(() => IndicatorViewType, { description: 'One indicator at one territory (the indicator page): values, targets, rates, and the territories just below in the reader\'s scope.' })
  @ReadDashboard(territoryArg('territoryCode'), { indicatorFrom: indicatorArg('indicatorId') })
  indicatorAt(@Args('indicatorId', { type: () => ID }) indicatorId: string, @Args('territoryCode') territoryCode: string, @Context() ctx?: object, @Args('asOf', AS_OF) asOf?: string) {
    const scope = readScopeOf(ctx);
    const build = (db: EntityManager, date: string) => buildIndicatorView(db, indicatorId, territoryCode, { asOf: date, levelOrder: this.levels.order, scope });
    if (asOf && asOf !== currentAsOf()) return this.readAt(ctx, asOf, ['indicatorAt', indicatorId, territoryCode], build);
    return this.read(ctx, (db) => this.heavy.run(() => build(db, currentAsOf())));
  }

  @Query(() => ExplanationType, { nullable: true, description: 'How a number was computed: formula with its values, inputs with dates and provenance.' })
  @ReadDashboard((args) => parseExplanationId(String(args.id ?? ''))?.territoryCode ?? null, { policyFrom: explainedPolicy, indicatorFrom: explainedIndicator })
  explanation(@Args('id', { type: () => ID }) id: string, @Context() ctx?: object, @Args('asOf', AS_OF) asOf?: string) {
    const build = (db: EntityManager, date: string) => findExplanation(db, id, { asOf: date, scope: readScopeOf(ctx) });
    // A past date explains the figures of that date: the same recomputation as the page read then.
    if (asOf && asOf !== currentAsOf()) return this.readAt(ctx, asOf, ['explanation', id], build);
    return this.read(ctx, (db) => this.heavy.run(() => build(db, currentAsOf())));
  }

  @Query(() => TerritoryViewType, { nullable: true, description: 'One territory across policies (the territory page): rates, roadmap, siblings, parent. Null for an unknown code.' })
  @ReadDashboard(territoryArg('code'), { policyCells: true })
  territoryView(@Args('code') code: string, @Context() ctx?: object, @Args('asOf', AS_OF) asOf?: string) {
    if (asOf && asOf !== currentAsOf()) return this.readAt(ctx, asOf, ['territoryView', code], (db, date) => buildTerritoryView(db, code, date, readScopeOf(ctx)));
    return this.read(ctx, (db) => this.heavy.run(() => buildTerritoryView(db, code, currentAsOf(), readScopeOf(ctx))));
  }

  @Query(() => TerritoryConnection, { complexity: LIST_QUERY_COST })
  @ReadDashboard(territoryArg('parentCode'), { policyCells: true })
  territories(
    @Args('level', { nullable: true }) level?: string,
    @Args('parentCode', { nullable: true }) parentCode?: string,
    @Args('search', { nullable: true }) search?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
    @Context() ctx?: object,
  ) {
    return this.read(ctx, (db) => listTerritories(db, { level, parentCode, search, first, after, scope: readScopeOf(ctx) }));
  }

  @Query(() => TerritoryType, { nullable: true, complexity: LIGHT_QUERY_COST })
  @ReadDashboard(territoryArg('code'), { policyCells: true })
  territory(@Args('code') code: string, @Context() ctx: object) {
    return loadersFor(ctx, this.db).territoryByCode.load(code);
  }

  @Query(() => [TaxonomyType], { complexity: LIGHT_QUERY_COST })
  @ReadDashboard()
  taxonomies(@Context() ctx?: object) {
    return this.read(ctx, (db) => db.query(`SELECT id, kind, label, parent_id AS "parentId" FROM taxonomy WHERE status = 'active' ORDER BY position, id`) as Promise<TaxonomyType[]>);
  }

  @Query(() => [PolicyType])
  @ReadDashboard()
  policies(@Context() ctx?: object) {
    return this.read(ctx, (db) => db.query(`SELECT id, code, name, kind, status, description, owners, levels FROM policy WHERE status <> 'archived' ORDER BY position, id`) as Promise<PolicyType[]>);
  }

  @Query(() => PolicyType)
  @ReadDashboard()
  async policy(@Args('id', { type: () => ID }) id: string, @Context() ctx?: object) {
    const rows = await this.read(ctx, (db) => db.query(`SELECT id, code, name, kind, status, description, owners, levels FROM policy WHERE id = $1`, [id]) as Promise<PolicyType[]>);
    if (!rows[0]) throw new GraphQLError(`Unknown policy "${id}".`, { extensions: { code: 'NOT_FOUND' } });
    return rows[0];
  }
}

@Resolver(() => PolicyType)
export class PolicyFieldsResolver {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  @ResolveField(() => [IndicatorType])
  indicators(@Parent() policy: PolicyType, @Context() ctx: object) {
    return loadersFor(ctx, this.kit.dataSource.manager).indicatorsByPolicy.load(policy.id);
  }

  @ResolveField(() => [TaxonomyType])
  taxonomies(@Parent() policy: PolicyType, @Context() ctx: object) {
    return loadersFor(ctx, this.kit.dataSource.manager).taxonomiesByPolicy.load(policy.id);
  }
}

@Resolver(() => IndicatorType)
export class IndicatorFieldsResolver {
  @ResolveField(() => Number, { nullable: true, description: 'Weight of the indicator in its policy rate at a level' })
  weight(@Parent() indicator: IndicatorType, @Args('level') level: string) {
    return indicator.levelSettings?.[level]?.weight ?? null;
  }
}

@Resolver(() => TerritoryType)
export class TerritoryFieldsResolver {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  @ResolveField(() => TerritoryType, { nullable: true })
  parent(@Parent() territory: TerritoryType, @Context() ctx: object) {
    return territory.parentCode ? loadersFor(ctx, this.kit.dataSource.manager).territoryByCode.load(territory.parentCode) : null;
  }
}
