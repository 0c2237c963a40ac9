import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { Can, type RequestIdentity, SignedIn } from '@pilote/auth';
import { computationLevelOrder, currentAsOf } from '@pilote/core';
import { entrySheet } from '../entry/entry-sheet.service';
import { EntrySheetType, WorkflowSettingsType } from './entry.types';
import { toItemType } from './workflow-item.types';
import { WorkflowRunner } from './workflow-runner';
import { importPublishesDirectly } from '../policy/workflow-policy';

type Req = { identity?: RequestIdentity };

@Resolver(() => EntrySheetType)
export class EntryResolver {
  constructor(private readonly runner: WorkflowRunner) {}

  @Query(() => EntrySheetType, { description: 'Official values, proposals and their effect on the rates, and your rights, at a territory for a policy.' })
  @Can('read', 'Dashboard', { territoryFrom: (args) => (typeof args.territoryCode === 'string' ? args.territoryCode : null) })
  entrySheet(@Context('req') req: Req, @Args('territoryCode') territoryCode: string, @Args('policyId') policyId: string) {
    return this.runner.read(req.identity, async (identity) => {
      const config = this.runner.kit.instance.config;
      const sheet = await entrySheet(this.runner.kit.dataSource, identity, territoryCode, policyId, { levelOrder: computationLevelOrder(config), asOf: currentAsOf() });
      return {
        ...sheet,
        indicators: sheet.indicators.map((indicator) => ({ ...indicator, proposals: indicator.proposals.map(toItemType) })),
        narrativeProposals: sheet.narrativeProposals.map(toItemType),
      };
    });
  }

  @Query(() => WorkflowSettingsType, { description: 'How this instance runs data entry (signed-in users).' })
  @SignedIn('the data entry settings of the instance (workflow options), for its contributors')
  workflowSettings(@Context('req') req: Req) {
    const workflow = this.runner.kit.instance.config.workflow;
    return this.runner.read(req.identity, async () => ({
      ...workflow,
      trustedImports: importPublishesDirectly(workflow, req.identity?.ability.can('publish', 'Measure') ?? false),
      emailEnabled: this.runner.dispatcher.emailEnabled,
    }));
  }
}
