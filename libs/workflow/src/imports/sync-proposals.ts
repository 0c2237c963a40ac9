import { audit, SYSTEM_ACTOR } from '@pilote/auth';
import type { JobKind } from '@pilote/core';
import type { DataSource } from 'typeorm';
import type { NotificationDispatcher } from '../notifications/notification-dispatcher';
import { Outbox } from '../notifications/notification-store';
import { proposeValues, type ValueToPropose } from './propose-import';

/**
 * The job libs/sync queues when a run of an untrusted binding passed every check (`SYNC_PROPOSE_JOB`
 * there): named here rather than imported so that workflow does not depend on sync, like `sync.parked`.
 */
export const SYNC_PROPOSE_JOB = 'sync.propose';

export interface SyncProposeEvent {
  bindingId: string;
  runId: string;
  values: ValueToPropose[];
}

/**
 * A run of a source the instance does not trust: each new value becomes a proposal for validation
 * (source `connector`, no author: the binding's name is who proposes), the validators of each
 * territory × policy are told once, the whole in one transaction with its audit line. A value equal
 * to the published one, or already waiting from an earlier run, is skipped: a retried job or a source
 * read again adds nothing.
 */
export async function proposeSyncedValues(dataSource: DataSource, dispatcher: NotificationDispatcher, event: SyncProposeEvent): Promise<number> {
  const outbox = new Outbox(dispatcher);
  return dataSource.transaction(async (db) => {
    const [binding] = (await db.query(`SELECT name FROM source_binding WHERE id = $1`, [event.bindingId])) as { name: string }[];
    if (!binding) return 0;
    const proposals = await proposeValues(db, outbox, event.values, { authorId: null, authorName: binding.name, source: 'connector', skipPending: true });
    await audit(db, { actor: SYSTEM_ACTOR, action: 'workflow.sync-proposed', subjectType: 'SourceBinding', subjectId: event.bindingId, old: null, new: { runId: event.runId, values: event.values.length, proposals } });
    return proposals;
  });
}

export function syncProposeJob(dataSource: DataSource, dispatcher: NotificationDispatcher): JobKind<SyncProposeEvent> {
  return {
    name: SYNC_PROPOSE_JOB,
    description: 'Makes the values of a run of an untrusted source binding proposals for validation, and tells their validators.',
    run: async (event) => {
      await proposeSyncedValues(dataSource, dispatcher, event);
    },
  };
}
