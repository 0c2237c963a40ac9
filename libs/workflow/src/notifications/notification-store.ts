import type { EntityManager } from 'typeorm';
import { returningRows } from '../sql/returning-rows';
import type { Locale, NotificationKind, NotificationParams } from './render-notification';

export interface NotificationDraft {
  userIds: string[];
  kind: NotificationKind;
  params: NotificationParams;
  /** Path in the web app (e.g. `/entry?territory=D13&policy=P1`). */
  link: string | null;
  /** When set, the same user never gets the same key twice (scheduled reminders). */
  dedupeKey?: string;
}

/** Queues e-mails in a transaction (NotificationDispatcher). */
export interface EmailQueue {
  enqueue(db: EntityManager, ids: readonly string[]): Promise<void>;
}

/**
 * Notifications of one transaction. With an e-mail queue, each new notification's e-mail job is
 * written in the same transaction (transactional outbox): a rolled-back change sends nothing, a
 * committed one is delivered by a worker even if this process dies.
 */
export class Outbox {
  readonly ids: string[] = [];

  constructor(readonly emails: EmailQueue | null = null) {}
}

/** Inserts one row per recipient in the caller's transaction; returns the new ids via the outbox. */
export async function createNotifications(db: EntityManager, outbox: Outbox, draft: NotificationDraft): Promise<number> {
  const userIds = [...new Set(draft.userIds)];
  if (userIds.length === 0) return 0;
  const rows = (await db.query(
    `INSERT INTO notification (user_id, kind, params, link, dedupe_key)
     SELECT u, $2, $3, $4, $5 FROM unnest($1::uuid[]) AS u
     ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
     RETURNING id`,
    [userIds, draft.kind, JSON.stringify(draft.params), draft.link, draft.dedupeKey ?? null],
  )) as { id: string }[];
  const ids = rows.map((row) => row.id);
  outbox.ids.push(...ids);
  await outbox.emails?.enqueue(db, ids);
  return rows.length;
}

export interface StoredNotification {
  id: string;
  userId: string;
  kind: NotificationKind;
  params: NotificationParams;
  link: string | null;
  readAt: Date | null;
  emailedAt: Date | null;
  createdAt: Date;
}

interface Row {
  id: string;
  user_id: string;
  kind: NotificationKind;
  params: NotificationParams | string;
  link: string | null;
  read_at: Date | null;
  emailed_at: Date | null;
  created_at: Date;
}

const toStored = (row: Row): StoredNotification => ({
  id: row.id,
  userId: row.user_id,
  kind: row.kind,
  params: typeof row.params === 'string' ? (JSON.parse(row.params) as NotificationParams) : row.params,
  link: row.link,
  readAt: row.read_at,
  emailedAt: row.emailed_at,
  createdAt: row.created_at,
});

export async function listNotifications(db: EntityManager, userId: string, options: { unreadOnly?: boolean; limit?: number } = {}): Promise<StoredNotification[]> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const rows = (await db.query(
    `SELECT id, user_id, kind, params, link, read_at, emailed_at, created_at FROM notification
     WHERE user_id = $1 ${options.unreadOnly ? 'AND read_at IS NULL' : ''} ORDER BY created_at DESC, id LIMIT ${limit}`,
    [userId],
  )) as Row[];
  return rows.map(toStored);
}

export async function countUnread(db: EntityManager, userId: string): Promise<number> {
  const rows = (await db.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`, [userId])) as { n: number }[];
  return rows[0]?.n ?? 0;
}

/** Marks one of the user's notifications read; null when it is not theirs (or does not exist). */
export async function markRead(db: EntityManager, userId: string, id: string): Promise<StoredNotification | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const rows = await returningRows<Row>(
    db,
    `UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2
     RETURNING id, user_id, kind, params, link, read_at, emailed_at, created_at`,
    [id, userId],
  );
  return rows[0] ? toStored(rows[0]) : null;
}

export async function markAllRead(db: EntityManager, userId: string): Promise<number> {
  const rows = await returningRows<{ id: string }>(db, `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id`, [userId]);
  return rows.length;
}

/** The recipient's language if they chose one, else the instance's default. */
export async function localeOf(db: EntityManager, userId: string, fallback: Locale): Promise<Locale> {
  const rows = (await db.query(`SELECT locale FROM notification_preference WHERE user_id = $1`, [userId])) as { locale: Locale | null }[];
  return rows[0]?.locale ?? fallback;
}

export async function setPreferences(db: EntityManager, userId: string, prefs: { locale?: Locale | null; email?: boolean | null }): Promise<{ locale: Locale | null; email: boolean }> {
  const rows = (await db.query(
    `INSERT INTO notification_preference (user_id, locale, email) VALUES ($1, $2, coalesce($3, true))
     ON CONFLICT (user_id) DO UPDATE SET locale = CASE WHEN $4 THEN EXCLUDED.locale ELSE notification_preference.locale END,
       email = coalesce($3, notification_preference.email), updated_at = now()
     RETURNING locale, email`,
    [userId, prefs.locale ?? null, prefs.email ?? null, prefs.locale !== undefined],
  )) as { locale: Locale | null; email: boolean }[];
  return rows[0];
}

export async function getPreferences(db: EntityManager, userId: string): Promise<{ locale: Locale | null; email: boolean }> {
  const rows = (await db.query(`SELECT locale, email FROM notification_preference WHERE user_id = $1`, [userId])) as { locale: Locale | null; email: boolean }[];
  return rows[0] ?? { locale: null, email: true };
}
