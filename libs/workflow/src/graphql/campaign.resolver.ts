import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can, type RequestIdentity, SignedIn } from '@pilote/auth';
import { currentAsOf, jobQueueOf } from '@pilote/core';
import type { Campaign } from '../campaigns/campaign';
import {
  campaignBoard, campaignFormOptions, createCampaign, listedAssigneeEmails, queueReminder, updateCampaign, visibleCampaign, visibleCampaigns,
} from '../campaigns/campaign.service';
import { remindDeadlines } from '../campaigns/deadline-reminders';
import { DEADLINE_REMINDERS_JOB } from '../campaigns/deadline-reminders-job';
import { forbiddenUnless } from './campaign-access';
import { CampaignBoardType, CampaignChangeInput, CampaignFormOptionsType, CampaignInput, CampaignType, DeadlineRemindersType } from './campaign.types';
import { WorkflowRunner } from './workflow-runner';

type Req = { identity?: RequestIdentity };

const toType = (c: Campaign): CampaignType => ({ ...c });
const clean = <T extends object>(input: T): Partial<T> => Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;

@Resolver(() => CampaignType)
export class CampaignResolver {
  constructor(private readonly runner: WorkflowRunner) {}

  private get db() {
    return this.runner.kit.dataSource.manager;
  }

  @Query(() => [CampaignType], { description: 'Campaigns you can see (your scope, created by you or assigned to you).' })
  @SignedIn('filtered by the service to the caller\'s scope, campaigns created by or assigned to the caller')
  campaigns(@Context('req') req: Req, @Args('includeClosed', { defaultValue: false }) includeClosed: boolean) {
    return this.runner.read(req.identity, async (identity) => (await visibleCampaigns(this.db, identity, includeClosed)).map(toType));
  }

  @Query(() => CampaignBoardType, { description: 'The completeness and freshness board of a campaign.' })
  @SignedIn('the service refuses a campaign the caller cannot see')
  campaignBoard(
    @Context('req') req: Req,
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', { type: () => String, nullable: true }) asOf?: string | null,
    @Args('pendingLimit', { type: () => Int, defaultValue: 200, description: 'At most this many pending values (≤ 1000)' }) pendingLimit = 200,
  ) {
    return this.runner.read(req.identity, async (identity) => {
      const campaign = await visibleCampaign(this.db, identity, id);
      const date = asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : currentAsOf();
      const board = await campaignBoard(this.db, campaign, date);
      const pending = board.cells.filter((cell) => cell.status !== 'published');
      return {
        campaign: { ...toType(campaign), listedAssigneeEmails: await listedAssigneeEmails(this.db, campaign) },
        asOf: date,
        ...board,
        pending: pending.slice(0, Math.max(0, Math.min(pendingLimit, 1000))),
        pendingCount: pending.length,
      };
    });
  }

  @Query(() => CampaignFormOptionsType, { description: 'Indicators and assignable roles for the campaign form (holders of create or update Campaign).' })
  @SignedIn('the resolver refuses callers who may neither create nor update a campaign')
  campaignFormOptions(@Context('req') req: Req) {
    return this.runner.read(req.identity, async (identity) => {
      forbiddenUnless(identity.ability.can('create', 'Campaign') || identity.ability.can('update', 'Campaign'));
      return campaignFormOptions(this.db);
    });
  }

  @Mutation(() => CampaignType, { description: "Queues a reminder to the campaign's assignees through the job queue (sent at once; once a day at most)." })
  @Can('update', 'Campaign')
  remindCampaign(@Context('req') req: Req, @Args('id', { type: () => ID }) id: string) {
    return this.runner.run(req.identity, async (call) =>
      toType(await queueReminder(call, id, (db, data) => jobQueueOf(this.runner.kit).enqueue(db, DEADLINE_REMINDERS_JOB, data))),
    );
  }

  @Mutation(() => CampaignType, { description: 'Opens a campaign (right: create Campaign on each of its territories).' })
  @Can('create', 'Campaign')
  createCampaign(@Context('req') req: Req, @Args('input') input: CampaignInput) {
    return this.runner.run(req.identity, async (call) => toType(await createCampaign(call, input)));
  }

  @Mutation(() => CampaignType, { description: 'Changes or closes a campaign.' })
  @Can('update', 'Campaign')
  updateCampaign(@Context('req') req: Req, @Args('id', { type: () => ID }) id: string, @Args('input') input: CampaignChangeInput) {
    return this.runner.run(req.identity, async (call) => toType(await updateCampaign(call, id, clean(input))));
  }

  @Mutation(() => DeadlineRemindersType, { description: 'Notifies the assignees of campaigns due within `days` days that still miss values (once per deadline). Admins; operators use `pilote notify-deadlines`.' })
  @Can('manage', 'Campaign')
  notifyCampaignDeadlines(@Context('req') req: Req, @Args('days', { type: () => Int, nullable: true }) days?: number | null) {
    return this.runner.read(req.identity, () =>
      remindDeadlines(this.runner.kit.dataSource, this.runner.dispatcher, { asOf: currentAsOf(), days: days ?? this.runner.kit.instance.config.workflow.deadlineReminderDays }),
    );
  }
}
