import { type DynamicModule, Inject, Injectable, type MiddlewareConsumer, Module, type NestModule, type OnModuleDestroy, type OnModuleInit, RequestMethod } from '@nestjs/common';
import { jobQueueOf, KIT_CONTEXT, type KitContext, onRatesChanged } from '@pilote/core';
import { AlertResolver } from './alerts/alert.resolver';
import { enqueueAlertEvaluation } from './alerts/enqueue-evaluation';
import { evaluateAlertsJob } from './alerts/evaluate-alerts';
import { BookmarkResolver } from './bookmarks/bookmark.resolver';
import { CampaignBoardController } from './campaigns/campaign-board.controller';
import { deadlineRemindersJob } from './campaigns/deadline-reminders-job';
import { CampaignResolver } from './graphql/campaign.resolver';
import { EntryResolver } from './graphql/entry.resolver';
import { NotificationResolver } from './graphql/notification.resolver';
import { ProposedRatesResolver } from './graphql/proposed-rates.resolver';
import { WorkflowResolver } from './graphql/workflow.resolver';
import { WorkflowRunner } from './graphql/workflow-runner';
import { ImportProposalsController } from './imports/import-proposals.controller';
import { syncProposeJob } from './imports/sync-proposals';
import { UntrustedImportMiddleware } from './imports/untrusted-import.middleware';
import { accessRequestJob } from './notifications/access-request-listener';
import { syncParkedJob } from './notifications/sync-parked-listener';
import { createNotificationDispatcher, type DispatcherSetup } from './notifications/create-dispatcher';
import type { NotificationDispatcher } from './notifications/notification-dispatcher';
import './permissions/workflow-permissions';
import { NOTIFICATION_DISPATCHER } from './workflow.tokens';

export type WorkflowModuleOptions = DispatcherSetup;

/** Defines the workflow's jobs (e-mails, reminders, access-request notifications) and closes the SMTP pool at the end. */
@Injectable()
class WorkflowLifecycle implements OnModuleInit, OnModuleDestroy {
  private stopAlertHook: (() => void) | null = null;

  constructor(
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
    @Inject(NOTIFICATION_DISPATCHER) private readonly dispatcher: NotificationDispatcher,
  ) {}

  onModuleInit(): void {
    const queue = jobQueueOf(this.kit);
    queue.define(this.dispatcher.jobKind());
    queue.define(deadlineRemindersJob(this.kit, this.dispatcher));
    queue.define(accessRequestJob(this.kit.dataSource, this.dispatcher));
    queue.define(evaluateAlertsJob(this.kit.dataSource, this.dispatcher));
    queue.define(syncParkedJob(this.kit.dataSource, this.dispatcher));
    queue.define(syncProposeJob(this.kit.dataSource, this.dispatcher));
    this.stopAlertHook = onRatesChanged(this.kit.dataSource, enqueueAlertEvaluation(queue));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopAlertHook?.();
    // Running sends finish before the SMTP pool closes (stop() is idempotent; CoreModule calls it too).
    await jobQueueOf(this.kit).stop();
    this.dispatcher.close();
  }
}

/** Data entry workflow, entry campaigns and notifications (GraphQL); needs CoreModule and AuthModule. */
@Module({})
export class WorkflowModule implements NestModule {
  static forRoot(options: WorkflowModuleOptions = {}): DynamicModule {
    return {
      module: WorkflowModule,
      controllers: [ImportProposalsController, CampaignBoardController],
      providers: [
        {
          provide: NOTIFICATION_DISPATCHER,
          inject: [KIT_CONTEXT],
          useFactory: (kit: KitContext) => createNotificationDispatcher(kit, options),
        },
        WorkflowRunner,
        WorkflowLifecycle,
        WorkflowResolver,
        NotificationResolver,
        CampaignResolver,
        EntryResolver,
        ProposedRatesResolver,
        BookmarkResolver,
        AlertResolver,
      ],
      exports: [NOTIFICATION_DISPATCHER],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Both publishing routes of libs/import: the plain one and the one streaming its progress.
    consumer.apply(UntrustedImportMiddleware).forRoutes({ path: 'api/v1/imports', method: RequestMethod.POST }, { path: 'api/v1/imports/stream', method: RequestMethod.POST });
  }
}
