import { ACCESS_REQUEST_CREATED_JOB, type AccessRequestCreatedEvent, describeScope, scopeTerritory } from '@pilote/auth';
import type { JobKind } from '@pilote/core';
import type { DataSource } from 'typeorm';
import type { NotificationDispatcher } from './notification-dispatcher';
import { createNotifications, Outbox } from './notification-store';
import { closestRightHolders } from './recipients';

/**
 * "Access request to decide": libs/auth queues this job in the request's transaction; the managers
 * of the closest scope (right `update AccessRequest` there) get a notification, and its e-mail is
 * queued in the same transaction. Requests on policy or taxonomy scopes go to unrestricted managers.
 * A re-run (after a crash) adds nothing: one notification per manager and request (dedupe key).
 */
export async function notifyAccessRequest(dataSource: DataSource, dispatcher: NotificationDispatcher, event: AccessRequestCreatedEvent): Promise<void> {
  const outbox = new Outbox(dispatcher);
  await dataSource.transaction(async (db) => {
    const scoped = scopeTerritory(event.scope);
    const territoryCode = scoped ?? 'FRANCE';
    const userIds = await closestRightHolders(db, { action: 'update', subject: 'AccessRequest', territoryCode, exclude: [event.requesterId] });
    const [role] = (await db.query(`SELECT label FROM role WHERE id = $1`, [event.roleId])) as { label: { fr?: string } | string }[];
    const roleName = typeof role?.label === 'string' ? role.label : (role?.label?.fr ?? event.roleId);
    const [territory] = scoped ? ((await db.query(`SELECT name FROM territory WHERE code = $1`, [territoryCode])) as { name: string }[]) : [];
    const scope = event.scope.kind === 'territory' ? `${territory?.name ?? territoryCode} (${territoryCode})` : event.scope.kind === 'all' ? '*' : describeScope(event.scope);
    await createNotifications(db, outbox, {
      userIds,
      kind: 'access-request.created',
      params: { requestId: event.requestId, role: roleName, scope },
      link: '/admin/access-requests',
      dedupeKey: `access-request:${event.requestId}`,
    });
  });
}

export function accessRequestJob(dataSource: DataSource, dispatcher: NotificationDispatcher): JobKind<AccessRequestCreatedEvent> {
  return {
    name: ACCESS_REQUEST_CREATED_JOB,
    description: 'Notifies the managers of the scope that an access request awaits their decision.',
    run: (event) => notifyAccessRequest(dataSource, dispatcher, event),
  };
}
