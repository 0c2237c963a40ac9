import { createHash } from 'node:crypto';
import { jobQueueOf, type KitContext } from '@pilote/core';
import type { LoadedModules } from '@pilote/module-sdk/server';
import type { DataSource } from 'typeorm';
import { nextCronTime } from './cron';
import type { ProposedValue } from './proposed-values';
import { runSync, type SyncReport, type SyncTrigger } from './run-sync';

export const SYNC_RUN_JOB = 'sync.run';
export const SYNC_TICK_JOB = 'sync.tick';
/**
 * Queued when a run of the queue ends without publishing and will not be tried again (refused
 * values, a source error that cannot pass, or the last retry): libs/workflow defines it and tells
 * the binding's owners (in-app + e-mail). Its data is a `SyncParkedEvent`.
 */
export const SYNC_PARKED_JOB = 'sync.parked';

export interface SyncParkedEvent {
  bindingId: string;
  runId: string;
}

/**
 * Queued by a run of an untrusted binding whose values passed every check: libs/workflow defines it
 * and makes each new value a proposal for validation (as an import proposed for validation). Its
 * data is a `SyncProposeEvent`; the job id is derived from the run (queued once per run).
 */
export const SYNC_PROPOSE_JOB = 'sync.propose';

export interface SyncProposeEvent {
  bindingId: string;
  runId: string;
  values: ProposedValue[];
}

export interface SyncJobOptions {
  levelOrder: string[];
  asOf: () => string;
  env?: NodeJS.ProcessEnv;
}

/** A uuid that is the same for the same binding and due time: a tick seen twice queues one run. */
export function runJobId(bindingId: string, dueAt: string): string {
  const hex = createHash('sha256').update(`${bindingId}|${dueAt}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Two kinds on the instance's job queue (ADR 031): `sync.tick` every minute queues the runs of the
 * bindings whose schedule is due (once across replicas: the tick is a pg-boss schedule, the
 * bindings are claimed with SKIP LOCKED and their next time moved in the same transaction);
 * `sync.run` runs one binding. A run whose source failed in a way that may pass (timeout, 429,
 * 5xx) throws, so the queue retries it with backoff and finally parks it with the error.
 */
export function defineSyncJobs(kit: KitContext, modules: Pick<LoadedModules, 'modules'>, options: SyncJobOptions): void {
  const queue = jobQueueOf(kit);
  if (queue.has(SYNC_RUN_JOB)) return;
  queue.define<{ bindingId: string; trigger: SyncTrigger }>({
    name: SYNC_RUN_JOB,
    description: 'Reads a source binding and publishes its values through the import (pilote sync)',
    expireSeconds: 60 * 60,
    async run(data, context) {
      const report = await runSync(context.dataSource, modules, {
        bindingId: data.bindingId, dryRun: false, trigger: data.trigger, attempt: context.attempt,
        levelOrder: options.levelOrder, asOf: options.asOf(), env: options.env,
        // An untrusted binding's values go to validation when the instance has the workflow's job for them.
        ...(queue.has(SYNC_PROPOSE_JOB)
          ? {
              propose: async (values: ProposedValue[], run: { runId: string; bindingId: string }) => {
                const event: SyncProposeEvent = { ...run, values };
                await context.dataSource.transaction((manager) => queue.enqueue(manager, SYNC_PROPOSE_JOB, event, { id: runJobId(run.runId, 'propose') }));
              },
            }
          : {}),
      });
      const retryLimit = queue.settings.retryLimit;
      if (isParked(report, context.attempt, retryLimit) && queue.has(SYNC_PARKED_JOB)) {
        const event: SyncParkedEvent = { bindingId: data.bindingId, runId: report.runId };
        await context.dataSource.transaction((manager) => queue.enqueue(manager, SYNC_PARKED_JOB, event, { id: runJobId(report.runId, 'parked') }));
      }
      if (report.error?.retryable) throw new Error(`${report.error.code}: ${report.error.message}`);
    },
  });
  queue.define({
    name: SYNC_TICK_JOB,
    description: 'Queues the runs of source bindings whose schedule is due',
    schedule: '* * * * *',
    async run(_data, context) {
      await queueDueRuns(kit, context.dataSource);
    },
  });
}

/** A run that will not publish and will not be tried again: refused values, a final source error, or the last retry of a passing one. */
export function isParked(report: Pick<SyncReport, 'status' | 'error'>, attempt: number, retryLimit: number): boolean {
  if (report.status === 'invalid') return true;
  if (report.status !== 'failed' || !report.error) return false;
  return !report.error.retryable || attempt > retryLimit;
}

/** Claims the bindings due now, queues one run each and moves their next time; returns the ids queued. */
export async function queueDueRuns(kit: KitContext, dataSource: DataSource, now = new Date()): Promise<string[]> {
  return dataSource.transaction(async (manager) => {
    const due = (await manager.query(
      `SELECT id, schedule, next_run_at FROM source_binding
       WHERE enabled AND schedule IS NOT NULL AND next_run_at <= $1 ORDER BY next_run_at FOR UPDATE SKIP LOCKED`,
      [now.toISOString()],
    )) as { id: string; schedule: string; next_run_at: Date }[];
    for (const binding of due) {
      const dueAt = new Date(binding.next_run_at).toISOString();
      await jobQueueOf(kit).enqueue(manager, SYNC_RUN_JOB, { bindingId: binding.id, trigger: 'schedule' }, { id: runJobId(binding.id, dueAt) });
      await manager.query(`UPDATE source_binding SET next_run_at = $2 WHERE id = $1`, [binding.id, nextCronTime(binding.schedule, now).toISOString()]);
    }
    return due.map((binding) => binding.id);
  });
}

/** "Run now": queues a run of the binding in the caller's transaction. */
export function queueRunNow(kit: KitContext, dataSource: DataSource, bindingId: string): Promise<string | null> {
  return dataSource.transaction((manager) => jobQueueOf(kit).enqueue(manager, SYNC_RUN_JOB, { bindingId, trigger: 'manual' }));
}
