import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can, type RequestIdentity, SignedIn } from '@pilote/auth';
import { itemsAt, itemsToReview, myProposals } from '../items/item-queries';
import { moveItem, proposeNarrative, proposeValue, updateItem } from '../items/workflow.service';
import { invalid } from '../items/workflow-errors';
import { NarrativeProposalInput, toItemType, ValueProposalInput, WorkflowItemChangeInput, WorkflowItemType } from './workflow-item.types';
import { WorkflowRunner } from './workflow-runner';

type Req = { identity?: RequestIdentity };
const inputTerritory = (args: Record<string, unknown>) => (args.input as { territoryCode?: string } | undefined)?.territoryCode ?? null;
const MAX_VALUES = 500;

/** Data entry: propose (draft or submit), then validate or refuse, then publish. Rights: Measure / Narrative × territory. */
@Resolver(() => WorkflowItemType)
export class WorkflowResolver {
  constructor(private readonly runner: WorkflowRunner) {}

  @Mutation(() => WorkflowItemType, { description: 'Proposes a value or target; submitted to the validators of its territory unless submit = false (draft).' })
  @Can('create', 'Measure', { territoryFrom: inputTerritory })
  proposeValue(@Context('req') req: Req, @Args('input') input: ValueProposalInput, @Args('submit', { defaultValue: true }) submit: boolean) {
    return this.runner.run(req.identity, async (call) => toItemType(await proposeValue(call, input, { submit, campaignId: input.campaignId })));
  }

  @Mutation(() => [WorkflowItemType], { description: 'Several values at once (an entry form), all or none.' })
  @Can('create', 'Measure')
  proposeValues(@Context('req') req: Req, @Args('inputs', { type: () => [ValueProposalInput] }) inputs: ValueProposalInput[], @Args('submit', { defaultValue: true }) submit: boolean) {
    return this.runner.run(req.identity, async (call) => {
      if (inputs.length > MAX_VALUES) throw invalid('inputs', `At most ${MAX_VALUES} values at once; got ${inputs.length}.`);
      const items = [];
      for (const input of inputs) items.push(toItemType(await proposeValue(call, input, { submit, campaignId: input.campaignId })));
      return items;
    });
  }

  @Mutation(() => WorkflowItemType, { description: 'Proposes a météo + synthesis, comment, objective or decision.' })
  @Can('create', 'Narrative', { territoryFrom: inputTerritory })
  proposeNarrative(@Context('req') req: Req, @Args('input') input: NarrativeProposalInput, @Args('submit', { defaultValue: true }) submit: boolean) {
    return this.runner.run(req.identity, async (call) => toItemType(await proposeNarrative(call, input, { submit })));
  }

  @Mutation(() => WorkflowItemType, { description: 'Changes a draft or refused item (its author only); submit = true sends it for validation.' })
  @SignedIn('the service checks the caller is the item\'s author')
  updateWorkflowItem(@Context('req') req: Req, @Args('id', { type: () => ID }) id: string, @Args('input') input: WorkflowItemChangeInput, @Args('submit', { defaultValue: false }) submit: boolean) {
    return this.runner.run(req.identity, async (call) => toItemType(await updateItem(call, id, input, submit)));
  }

  @Mutation(() => WorkflowItemType, { description: 'Sends a draft (or a refused item, unchanged) for validation.' })
  @SignedIn('the service checks the caller is the item\'s author')
  submitWorkflowItem(@Context('req') req: Req, @Args('id', { type: () => ID }) id: string) {
    return this.runner.run(req.identity, async (call) => toItemType(await moveItem(call, id, 'submit')));
  }

  @Mutation(() => WorkflowItemType, { description: 'Validates a submitted item (right: validate, in its territory).' })
  @SignedIn('the service checks validate on the item\'s territory and policy (known once the item is loaded)')
  validateWorkflowItem(@Context('req') req: Req, @Args('id', { type: () => ID }) id: string) {
    return this.runner.run(req.identity, async (call) => toItemType(await moveItem(call, id, 'validate')));
  }

  @Mutation(() => WorkflowItemType, { description: 'Refuses a submitted or validated item; the reason goes to its author.' })
  @SignedIn('the service checks validate on the item\'s territory and policy (known once the item is loaded)')
  refuseWorkflowItem(@Context('req') req: Req, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string) {
    return this.runner.run(req.identity, async (call) => toItemType(await moveItem(call, id, 'refuse', reason)));
  }

  @Mutation(() => WorkflowItemType, { description: 'Publishes a validated item: a value counts in the rates at once.' })
  @SignedIn('the service checks publish on the item\'s territory and policy (known once the item is loaded)')
  publishWorkflowItem(@Context('req') req: Req, @Args('id', { type: () => ID }) id: string) {
    return this.runner.run(req.identity, async (call) => toItemType(await moveItem(call, id, 'publish')));
  }

  @Query(() => [WorkflowItemType], { description: 'Proposals at a territory for a policy (drafts: yours only).' })
  @Can('read', 'Dashboard', { territoryFrom: (args) => (typeof args.territoryCode === 'string' ? args.territoryCode : null) })
  workflowItems(
    @Context('req') req: Req,
    @Args('territoryCode') territoryCode: string,
    @Args('policyId') policyId: string,
    @Args('states', { type: () => [String], nullable: true }) states?: string[] | null,
  ) {
    return this.runner.read(req.identity, async (identity) => (await itemsAt(this.runner.kit.dataSource.manager, identity, territoryCode, policyId, states ?? null)).map(toItemType));
  }

  @Query(() => [WorkflowItemType], { description: 'Submitted items you may validate and validated items you may publish.' })
  @SignedIn('filtered by the service to the items the caller may validate or publish')
  itemsToReview(@Context('req') req: Req) {
    return this.runner.read(req.identity, async (identity) => (await itemsToReview(this.runner.kit.dataSource.manager, identity)).map(toItemType));
  }

  @Query(() => [WorkflowItemType], { description: 'Your proposals, latest first.' })
  @SignedIn('the caller\'s own proposals')
  myProposals(@Context('req') req: Req) {
    return this.runner.read(req.identity, async (identity) => (await myProposals(this.runner.kit.dataSource.manager, identity.userId!)).map(toItemType));
  }
}
