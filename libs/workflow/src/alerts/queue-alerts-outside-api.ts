import { jobQueueOf, type KitContext, onRatesChanged, readJobSettings } from '@pilote/core';
import { createNotificationDispatcher } from '../notifications/create-dispatcher';
import { enqueueAlertEvaluation } from './enqueue-evaluation';
import { evaluateAlertsJob } from './evaluate-alerts';

export interface AlertQueueing {
  /** How many evaluations this process's writes queued (a rolled-back write's job went with it). */
  queued(): number;
  /** Unhooks and stops the queue (nothing runs here). */
  close(): Promise<void>;
}

/**
 * For a one-shot process that writes values (`pilote import`, `pilote sync`): the API's
 * rates-changed hook on a queue that only enqueues, so the write queues `alerts.evaluate` in its
 * transaction and the instance's workers evaluate and notify later (ADR 041). Without it, a CLI
 * write would alert nobody until the next write through the API.
 */
export async function queueAlertEvaluations(kit: KitContext): Promise<AlertQueueing> {
  // Never a worker here: the command ends right after its write, and the workers have SMTP.
  const queue = jobQueueOf(kit, { ...readJobSettings(), worker: false });
  const dispatcher = createNotificationDispatcher(kit, { mail: null });
  queue.define(evaluateAlertsJob(kit.dataSource, dispatcher));
  await queue.start();
  let queued = 0;
  const unhook = onRatesChanged(kit.dataSource, enqueueAlertEvaluation(queue, () => (queued += 1)));
  return {
    queued: () => queued,
    close: async () => {
      unhook();
      await queue.stop();
      dispatcher.close();
    },
  };
}
