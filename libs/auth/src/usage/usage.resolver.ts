import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { KIT_CONTEXT, type KitContext, LIGHT_QUERY_COST, LIST_QUERY_COST } from '@pilote/core';
import { graphqlErrors } from '../errors/to-graphql-error';
import { Can, Public } from '../guards/can.decorator';
import type { IdentifiedRequest } from '../guards/request-of';
import { readUsageFigures, recordPageView, roleOf } from './usage-store';
import { PageViewInputType, UsageFiguresType, UsageGranularity } from './usage.types';

@Resolver(() => UsageFiguresType)
export class UsageResolver {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  @Mutation(() => Boolean, {
    complexity: LIGHT_QUERY_COST,
    description: 'Counts a page the web app rendered (ADR 045): daily aggregates by kind, role and territory; the account only as a salted hash deleted when the period closes. false: the territory code is unknown, the page was counted without it.',
  })
  @Public('usage figures count anonymous visitors too (role public, no id); the kind is an enum, an unknown territory is not stored; priced by the GraphQL budget')
  recordPageView(@Context('req') req: IdentifiedRequest, @Args('view', { type: () => PageViewInputType }) view: PageViewInputType) {
    return graphqlErrors(async () => {
      const identity = req.identity;
      return recordPageView(this.kit.dataSource.manager, view, { role: roleOf(identity), userId: identity?.kind === 'anonymous' ? null : (identity?.userId ?? null) });
    });
  }

  @Query(() => UsageFiguresType, { complexity: LIST_QUERY_COST, description: 'Usage figures over [from, to] (YYYY-MM-DD, UTC days) for the instance\'s owners.' })
  @Can('read', 'Usage')
  usageFigures(
    @Args('from', { type: () => String }) from: string,
    @Args('to', { type: () => String }) to: string,
    @Args('granularity', { type: () => UsageGranularity }) granularity: UsageGranularity,
  ) {
    return graphqlErrors(async () => {
      const manager = this.kit.dataSource.manager;
      const figures = await readUsageFigures(manager, { from, to, granularity });
      const roles = (await manager.query(`SELECT id, label FROM role ORDER BY rank DESC, id`)) as { id: string; label: { fr?: string; en?: string } }[];
      return { ...figures, granularity: UsageGranularity[figures.granularity], retentionDays: this.kit.instance.config.usage.retentionDays, roles };
    });
  }
}
