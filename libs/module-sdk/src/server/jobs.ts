import { type EnqueueOptions, jobQueueOf, type JobKind, type KitContext } from '@pilote/core';
import type { EntityManager } from 'typeorm';

export type { EnqueueOptions, JobKind, JobRunContext } from '@pilote/core';

/**
 * Defines a background job of a module on the instance's job queue (docs/modules/jobs.md): call it
 * from your Nest module's `onModuleInit` with the injected `KIT_CONTEXT`. With a `schedule` (5-field
 * cron, UTC) it runs once per tick across all of the instance's processes — e.g. a connector's
 * nightly sync. Its name starts with the module's id: `<module id>.<what>`.
 */
export function defineModuleJob<Data extends object>(kit: KitContext, moduleId: string, kind: JobKind<Data>): void {
  if (!kind.name.startsWith(`${moduleId}.`)) throw new Error(`Job kind "${kind.name}" of module "${moduleId}" must be named "${moduleId}.<what>".`);
  jobQueueOf(kit).define(kind);
}

/** Queues a job of a defined kind in the caller's transaction (it exists only if that commits). */
export function enqueueModuleJob(kit: KitContext, db: EntityManager, name: string, data: object, options?: EnqueueOptions): Promise<string | null> {
  return jobQueueOf(kit).enqueue(db, name, data, options);
}
