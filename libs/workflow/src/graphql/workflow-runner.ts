import { Inject, Injectable } from '@nestjs/common';
import { graphqlErrors, type RequestIdentity, requireUser } from '@pilote/auth';
import { computationLevelOrder, currentAsOf, KIT_CONTEXT, type KitContext } from '@pilote/core';
import type { WorkflowCall } from '../items/workflow-call';
import type { NotificationDispatcher } from '../notifications/notification-dispatcher';
import { Outbox } from '../notifications/notification-store';
import { NOTIFICATION_DISPATCHER } from '../workflow.tokens';

/** Runs a workflow step in one transaction; the e-mails of the notifications it creates are queued in it. */
@Injectable()
export class WorkflowRunner {
  constructor(
    @Inject(KIT_CONTEXT) readonly kit: KitContext,
    @Inject(NOTIFICATION_DISPATCHER) readonly dispatcher: NotificationDispatcher,
  ) {}

  run<T>(identity: RequestIdentity | undefined, work: (call: WorkflowCall) => Promise<T>): Promise<T> {
    return graphqlErrors(async () => {
      requireUser(identity);
      const outbox = new Outbox(this.dispatcher);
      const config = this.kit.instance.config;
      const result = await this.kit.dataSource.transaction((db) => work({ db, identity: identity!, outbox, config, levelOrder: computationLevelOrder(config), asOf: currentAsOf() }));
      return result;
    });
  }

  /** Reads need no transaction nor outbox. */
  read<T>(identity: RequestIdentity | undefined, work: (identity: RequestIdentity) => Promise<T>): Promise<T> {
    return graphqlErrors(async () => {
      requireUser(identity);
      return work(identity!);
    });
  }
}
