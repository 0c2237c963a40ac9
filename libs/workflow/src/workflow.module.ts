import { type DynamicModule, Inject, Injectable, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { KIT_CONTEXT, type KitContext, localize } from '@pilote/core';
import { CampaignResolver } from './graphql/campaign.resolver';
import { EntryResolver } from './graphql/entry.resolver';
import { NotificationResolver } from './graphql/notification.resolver';
import { WorkflowResolver } from './graphql/workflow.resolver';
import { WorkflowRunner } from './graphql/workflow-runner';
import { subscribeToAccessRequests } from './notifications/access-request-listener';
import { type MailSettings, readMailSettings } from './notifications/mail-settings';
import { createSmtpMailer, type Mailer } from './notifications/mailer';
import { NotificationDispatcher } from './notifications/notification-dispatcher';
import './permissions/workflow-permissions';
import { NOTIFICATION_DISPATCHER } from './workflow.tokens';

export interface WorkflowModuleOptions {
  /** SMTP settings; default: from SMTP_* environment variables (none → in-app notifications only). */
  mail?: MailSettings | null;
  /** A ready mailer (tests); wins over `mail`. */
  mailer?: Mailer | null;
  /** Base of links in e-mails; default PUBLIC_URL (or http://localhost:$PORT). */
  publicUrl?: string;
  log?: (line: string) => void;
}

/** Subscribes to libs/auth's events for the module's lifetime and closes the SMTP pool at the end. */
@Injectable()
class WorkflowLifecycle implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | null = null;

  constructor(
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
    @Inject(NOTIFICATION_DISPATCHER) private readonly dispatcher: NotificationDispatcher,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = subscribeToAccessRequests(this.kit.dataSource, this.dispatcher);
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    await this.dispatcher.settled();
    this.dispatcher.close();
  }
}

/** Data entry workflow, entry campaigns and notifications (GraphQL); needs CoreModule and AuthModule. */
@Module({})
export class WorkflowModule {
  static forRoot(options: WorkflowModuleOptions = {}): DynamicModule {
    return {
      module: WorkflowModule,
      providers: [
        {
          provide: NOTIFICATION_DISPATCHER,
          inject: [KIT_CONTEXT],
          useFactory: (kit: KitContext) => {
            const mail = options.mail === undefined ? readMailSettings(process.env) : options.mail;
            const mailer = options.mailer !== undefined ? options.mailer : mail ? createSmtpMailer(mail) : null;
            const publicUrl = (options.publicUrl ?? (process.env.PUBLIC_URL?.trim() || `http://localhost:${kit.settings.port}`)).replace(/\/+$/, '');
            const config = kit.instance.config;
            return new NotificationDispatcher(kit.dataSource, mailer, {
              publicUrl,
              defaultLocale: config.defaultLocale,
              instanceName: (locale) => localize(config.shortName ?? config.name, locale, config.defaultLocale),
              log: options.log,
            });
          },
        },
        WorkflowRunner,
        WorkflowLifecycle,
        WorkflowResolver,
        NotificationResolver,
        CampaignResolver,
        EntryResolver,
      ],
      exports: [NOTIFICATION_DISPATCHER],
    };
  }
}
