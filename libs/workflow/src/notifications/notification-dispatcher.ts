import type { JobKind, JobQueue } from '@pilote/core';
import type { DataSource, EntityManager } from 'typeorm';
import { describeMailError, type Mailer } from './mailer';
import type { NotificationWords } from './notification-words';
import { type Locale, type NotificationKind, type NotificationParams, renderEmail } from './render-notification';

export interface DispatcherOptions {
  /** Absolute base of links in e-mails (PUBLIC_URL). */
  publicUrl: string;
  instanceName: (locale: Locale) => string;
  defaultLocale: Locale;
  /** The instance's words (vocabulary, météo labels) in a language; default: the kit's. */
  words?: (locale: Locale) => NotificationWords;
  /** Where failures are reported: ids and error codes only, never addresses or content. */
  log?: (line: string) => void;
}

interface PendingRow {
  id: string;
  kind: NotificationKind;
  params: NotificationParams | string;
  link: string | null;
  email: string;
  status: string;
  locale: Locale | null;
  wants_email: boolean | null;
}

/** The job kind that e-mails one notification; its job id is the notification's id. */
export const NOTIFICATION_EMAIL_JOB = 'notification.email';

export interface NotificationEmailJob {
  notificationId: string;
}

/**
 * E-mails notifications through the job queue (ADR 031): `enqueue` writes one job per
 * notification in the transaction that created it (transactional outbox), a worker sends it with
 * retries and backoff. The job's id is the notification's id, so a message is queued once; the
 * send is skipped when `emailed_at` is already set, and the e-mail's Message-ID is derived from
 * that id, so a resend after a crash between SMTP's answer and our UPDATE is recognisable.
 */
export class NotificationDispatcher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer | null,
    private readonly options: DispatcherOptions,
    private readonly queue: JobQueue | null,
  ) {}

  get emailEnabled(): boolean {
    return this.mailer !== null && this.queue !== null;
  }

  /** Queues the e-mails of new notifications in the caller's transaction (nothing when SMTP is off). */
  async enqueue(db: EntityManager, ids: readonly string[]): Promise<void> {
    if (!this.emailEnabled) return;
    for (const id of ids) await this.queue!.enqueue(db, NOTIFICATION_EMAIL_JOB, { notificationId: id } satisfies NotificationEmailJob, { id });
  }

  /** The job kind a worker runs; defined on the queue by WorkflowModule. */
  jobKind(): JobKind<NotificationEmailJob> {
    return {
      name: NOTIFICATION_EMAIL_JOB,
      description: 'E-mails one in-app notification to its recipient (retried with backoff when SMTP fails).',
      // Longer than nodemailer's timeouts (10 s connect + 10 s greeting + 20 s socket): never taken as dead while still sending.
      expireSeconds: 120,
      run: (data) => this.send(data.notificationId),
    };
  }

  close(): void {
    this.mailer?.close();
  }

  /** Sends one notification's e-mail; throws (→ retry) when SMTP fails. */
  async send(id: string): Promise<void> {
    if (!this.mailer) throw new Error('SMTP is not configured in this process (SMTP_HOST).');
    const rows = (await this.dataSource.query(
      `SELECT n.id, n.kind, n.params, n.link, u.email, u.status, p.locale, p.email AS wants_email
       FROM notification n JOIN app_user u ON u.id = n.user_id LEFT JOIN notification_preference p ON p.user_id = n.user_id
       WHERE n.id = $1 AND n.emailed_at IS NULL`,
      [id],
    )) as PendingRow[];
    const row = rows[0];
    if (!row || row.status !== 'active' || row.wants_email === false) return; // already sent, gone, or not wanted
    const locale = row.locale ?? this.options.defaultLocale;
    const params = typeof row.params === 'string' ? (JSON.parse(row.params) as NotificationParams) : row.params;
    const url = row.link ? new URL(row.link, this.options.publicUrl).toString() : null;
    const mail = renderEmail(row.kind, params, locale, { url, instanceName: this.options.instanceName(locale), words: this.options.words?.(locale) });
    try {
      await this.mailer.send({ to: row.email, ...mail, messageId: `<${row.id}@${new URL(this.options.publicUrl).hostname}>` });
    } catch (error) {
      const reason = describeMailError(error);
      this.report(`e-mail of notification ${row.id} (${row.kind}) failed: ${reason}`);
      await this.dataSource.query(`UPDATE notification SET email_error = $2 WHERE id = $1`, [row.id, reason]).catch(() => undefined);
      // Only the code reaches the job's stored error: no address, no text.
      throw new Error(`SMTP: ${reason}`);
    }
    await this.dataSource.query(`UPDATE notification SET emailed_at = now(), email_error = NULL WHERE id = $1`, [row.id]);
  }

  private report(line: string): void {
    (this.options.log ?? ((l: string) => console.warn(`@pilote/workflow: ${l}`)))(line);
  }
}
