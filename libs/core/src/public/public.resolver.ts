import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { Public } from '../access/access.decorators';
import { KIT_CONTEXT, type KitContext } from '../boot/kit-context';
import { ReadCache } from '../dashboard/read-cache';
import { LIGHT_QUERY_COST, LIST_QUERY_COST } from '../graphql/query-costs';
import { NotPublicError, PublicReadModel, publicScopeOf } from './public-read-model';
import { PublicHomeType, PublicIndicatorViewType, PublicPolicyViewType, PublicSiteType, PublicTerritoryType } from './public.types';

const REASON = 'the public baromètre: only what pilote.config publicSite lists, read by the public read model (no personal field exists in its types)';

/** GraphQL reads of the public baromètre and its embeds; every answer comes from PublicReadModel. */
@Resolver()
export class PublicResolver {
  /** Anonymous visitors all ask the same few things: answers kept while the data is unchanged. */
  private readonly cache = new ReadCache<unknown>(64);

  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  private get model() {
    return new PublicReadModel(this.kit.dataSource.manager, publicScopeOf(this.kit.instance.config));
  }

  private async read<T>(key: unknown[], compute: (model: PublicReadModel) => Promise<T>): Promise<T> {
    try {
      return (await this.cache.get(this.kit.dataSource.manager, JSON.stringify(key), () => compute(this.model))) as T;
    } catch (error) {
      if (error instanceof NotPublicError) throw new GraphQLError(error.message, { extensions: { code: 'NOT_PUBLIC' } });
      throw error;
    }
  }

  @Query(() => PublicSiteType, { complexity: LIGHT_QUERY_COST, description: 'Whether this instance has a public baromètre, and what it shows.' })
  @Public(REASON)
  async publicSite(): Promise<PublicSiteType> {
    const model = this.model;
    return model.site(await model.rootTerritory());
  }

  @Query(() => PublicHomeType, { complexity: LIST_QUERY_COST, description: 'Public policies with their published rates at a territory (default: the nation).' })
  @Public(REASON)
  publicHome(@Args('territoryCode', { nullable: true }) territoryCode?: string) {
    return this.read(['home', territoryCode ?? null], (model) => model.home(territoryCode));
  }

  @Query(() => PublicPolicyViewType, { complexity: LIST_QUERY_COST, description: 'A public policy at a territory: indicators, rates and the map below.' })
  @Public(REASON)
  publicPolicy(@Args('policyId', { type: () => ID }) policyId: string, @Args('territoryCode', { nullable: true }) territoryCode?: string) {
    return this.read(['policy', policyId, territoryCode ?? null], (model) => model.policy(policyId, territoryCode));
  }

  @Query(() => PublicIndicatorViewType, { complexity: LIST_QUERY_COST, description: 'A public indicator at a territory: published values, targets, and its map.' })
  @Public(REASON)
  publicIndicator(@Args('indicatorId', { type: () => ID }) indicatorId: string, @Args('territoryCode', { nullable: true }) territoryCode?: string) {
    return this.read(['indicator', indicatorId, territoryCode ?? null], (model) => model.indicator(indicatorId, territoryCode));
  }

  @Query(() => [PublicTerritoryType], { complexity: LIST_QUERY_COST, description: 'Territories of a public level (optionally under a territory).' })
  @Public(REASON)
  publicTerritories(@Args('level') level: string, @Args('parentCode', { nullable: true }) parentCode?: string) {
    return this.read(['territories', level, parentCode ?? null], (model) => model.territories(level, parentCode));
  }
}
