import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { actorFromContext } from '../audit/actor-from-request';
import { KIT_CONTEXT, type KitContext } from '../boot/kit-context';
import { LIGHT_QUERY_COST } from '../graphql/query-costs';
import { removeRoadmapPolicy, selectRoadmapPolicy } from './roadmap.service';
import { listRoadmapChoices, setRoadmap } from './roadmap-selection.service';
import { RoadmapChoiceType, RoadmapItemInput } from './roadmap-selection.types';

import { Can, territoryArg } from '../access/access.decorators';

/** A territory's roadmap is part of its qualitative steering: whoever may edit its narratives there. */
@Resolver()
export class RoadmapResolver {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  @Mutation(() => Boolean, { description: "Adds a policy to a territory's roadmap, or changes its local objective." })
  @Can('update', 'Narrative', { territoryFrom: territoryArg('territoryCode') })
  async selectRoadmapPolicy(
    @Args('territoryCode') territoryCode: string,
    @Args('policyId', { type: () => ID }) policyId: string,
    @Args('localObjective', { type: () => String, nullable: true }) localObjective: string | null,
    @Context() ctx: object,
  ): Promise<boolean> {
    await selectRoadmapPolicy(this.kit.dataSource.manager, { territoryCode, policyId, localObjective }, actorFromContext(ctx));
    return true;
  }

  @Mutation(() => Boolean, { description: "Removes a policy from a territory's roadmap; false when it was not there." })
  @Can('update', 'Narrative', { territoryFrom: territoryArg('territoryCode') })
  removeRoadmapPolicy(@Args('territoryCode') territoryCode: string, @Args('policyId', { type: () => ID }) policyId: string, @Context() ctx: object): Promise<boolean> {
    return removeRoadmapPolicy(this.kit.dataSource.manager, { territoryCode, policyId }, actorFromContext(ctx));
  }

  @Query(() => [RoadmapChoiceType], { complexity: LIGHT_QUERY_COST, description: "The published policies a territory may put on its roadmap (its level's), and what it chose: the roadmap form." })
  @Can('update', 'Narrative', { territoryFrom: territoryArg('territoryCode') })
  roadmapChoices(@Args('territoryCode') territoryCode: string): Promise<RoadmapChoiceType[]> {
    return listRoadmapChoices(this.kit.dataSource.manager, territoryCode);
  }

  @Mutation(() => Int, { description: "Replaces a territory's roadmap (policies and local objectives) at once; each change is audited. Returns how many items changed." })
  @Can('update', 'Narrative', { territoryFrom: territoryArg('territoryCode') })
  setRoadmap(
    @Args('territoryCode') territoryCode: string,
    @Args('items', { type: () => [RoadmapItemInput] }) items: RoadmapItemInput[],
    @Context() ctx: object,
  ): Promise<number> {
    return setRoadmap(this.kit.dataSource.manager, { territoryCode, items }, actorFromContext(ctx));
  }
}
