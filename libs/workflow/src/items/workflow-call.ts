import { actorOf, assertCan, type AuditActor, type RequestIdentity, territoryPath } from '@pilote/auth';
import type { InstanceConfig } from '@pilote/core';
import type { EntityManager } from 'typeorm';
import type { Outbox } from '../notifications/notification-store';

/** Everything a workflow step needs: the transaction, who acts, where notifications go. */
export interface WorkflowCall {
  db: EntityManager;
  identity: RequestIdentity;
  outbox: Outbox;
  config: InstanceConfig;
  /** `computationLevelOrder(config)` and `currentAsOf()`. */
  levelOrder: string[];
  asOf: string;
}

export const actorFor = (call: WorkflowCall): AuditActor => actorOf(call.identity);

/** 401/403 unless the identity may `action` the subject in this territory (and policy). */
export async function assertCanAt(call: WorkflowCall, action: string, subject: string, territoryCode: string, policyId: string): Promise<void> {
  const path = await territoryPath(call.db, territoryCode);
  assertCan(call.identity, action, subject, { territoryPath: path, policyId });
}
