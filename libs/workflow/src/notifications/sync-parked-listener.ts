import type { JobKind } from '@pilote/core';
import type { DataSource } from 'typeorm';
import type { NotificationDispatcher } from './notification-dispatcher';
import { createNotifications, Outbox } from './notification-store';

/**
 * The job libs/sync queues when a run is parked (`SYNC_PARKED_JOB` there): named here rather than
 * imported so that workflow does not depend on sync; the integration test runs both together.
 */
export const SYNC_PARKED_JOB = 'sync.parked';

export interface SyncParkedEvent {
  bindingId: string;
  runId: string;
}

interface ParkedRun {
  name: string;
  source_ref: string;
  owner_ids: string[];
  status: string;
  values_refused: number;
  error_code: string | null;
  error_message: string | null;
  issues: RunIssue[] | string;
}

interface RunIssue {
  line?: number;
  column?: string | null;
  value?: string | null;
}

/**
 * Tells a binding's owners that a run of the queue published nothing and will not be tried again:
 * one in-app notification each, its e-mail queued in the same transaction (outbox). Owners that are
 * not (or no longer) accounts are skipped. A re-run adds nothing (dedupe key per run).
 */
export async function notifySyncParked(dataSource: DataSource, dispatcher: NotificationDispatcher, event: SyncParkedEvent): Promise<number> {
  const outbox = new Outbox(dispatcher);
  return dataSource.transaction(async (db) => {
    const [run] = (await db.query(
      `SELECT b.name, b.source_ref, b.owner_ids, r.status, r.values_refused, r.error_code, r.error_message, r.issues
       FROM sync_run r JOIN source_binding b ON b.id = r.binding_id WHERE r.id = $1 AND b.id = $2`,
      [event.runId, event.bindingId],
    )) as ParkedRun[];
    if (!run) return 0;
    const owners = (await db.query(`SELECT id FROM app_user WHERE id::text = ANY($1::text[])`, [run.owner_ids])) as { id: string }[];
    const issues = typeof run.issues === 'string' ? (JSON.parse(run.issues) as RunIssue[]) : run.issues;
    const first = issues[0];
    const refused = run.status === 'invalid';
    return createNotifications(db, outbox, {
      userIds: owners.map((owner) => owner.id),
      kind: 'sync.parked',
      params: {
        whatKey: refused ? 'sync.invalid' : 'sync.failed',
        binding: run.name,
        bindingId: event.bindingId,
        source: run.source_ref,
        runId: event.runId,
        refused: run.values_refused,
        line: first?.line ?? null,
        column: first?.column ?? null,
        value: null,
        cell: first?.value ?? null,
        errorCode: run.error_code,
        errorMessage: run.error_message,
      },
      link: '/admin/sources',
      dedupeKey: `sync.parked:${event.runId}`,
    });
  });
}

export function syncParkedJob(dataSource: DataSource, dispatcher: NotificationDispatcher): JobKind<SyncParkedEvent> {
  return {
    name: SYNC_PARKED_JOB,
    description: 'Tells the owners of a source binding (in-app + e-mail) that a run published nothing and will not be retried.',
    run: async (event) => {
      await notifySyncParked(dataSource, dispatcher, event);
    },
  };
}
