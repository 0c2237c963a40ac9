import type { JobQueue } from '@pilote/core';
import type { EntityManager } from 'typeorm';
import { EVALUATE_ALERTS_JOB, type EvaluateAlertsJob } from './evaluate-alerts';

/**
 * The rates-changed hook: in the writer's transaction, queues one evaluation when someone
 * subscribed to one of the touched policies (nothing otherwise). The job exists only if the write
 * commits, and the write never waits for the evaluation nor fails with it.
 */
export function enqueueAlertEvaluation(queue: JobQueue, onQueued?: () => void) {
  return async (manager: EntityManager, change: { policyIds: string[] }): Promise<void> => {
    if (!queue.started || !queue.has(EVALUATE_ALERTS_JOB)) return;
    const watched = (await manager.query(`SELECT 1 FROM alert_subscription WHERE policy_id = ANY($1::text[]) LIMIT 1`, [change.policyIds])) as unknown[];
    if (watched.length === 0) return;
    await queue.enqueue(manager, EVALUATE_ALERTS_JOB, { policyIds: change.policyIds } satisfies EvaluateAlertsJob);
    onQueued?.();
  };
}
