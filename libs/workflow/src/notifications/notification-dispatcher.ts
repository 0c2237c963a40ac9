import type { DataSource } from 'typeorm';
import { describeMailError, type Mailer } from './mailer';
import { type Locale, type NotificationKind, type NotificationParams, renderEmail } from './render-notification';

export interface DispatcherOptions {
  /** Absolute base of links in e-mails (PUBLIC_URL). */
  publicUrl: string;
  instanceName: (locale: Locale) => string;
  defaultLocale: Locale;
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

/**
 * Sends the e-mails of committed notifications, in the background: the user's action has
 * already succeeded and the notification is in the app whatever SMTP does. `settled()` lets
 * tests and the CLI wait for the sends in flight.
 */
export class NotificationDispatcher {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer | null,
    private readonly options: DispatcherOptions,
  ) {}

  get emailEnabled(): boolean {
    return this.mailer !== null;
  }

  /** Starts sending; never throws, never rejects. */
  deliver(ids: readonly string[]): void {
    if (!this.mailer || ids.length === 0) return;
    const work = this.send([...ids]).catch((error: unknown) => this.report(`e-mail batch failed: ${describeMailError(error)}`));
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  close(): void {
    this.mailer?.close();
  }

  private async send(ids: string[]): Promise<void> {
    const rows = (await this.dataSource.query(
      `SELECT n.id, n.kind, n.params, n.link, u.email, u.status, p.locale, p.email AS wants_email
       FROM notification n JOIN app_user u ON u.id = n.user_id LEFT JOIN notification_preference p ON p.user_id = n.user_id
       WHERE n.id = ANY($1::uuid[]) AND n.emailed_at IS NULL`,
      [ids],
    )) as PendingRow[];
    for (const row of rows) {
      if (row.status !== 'active' || row.wants_email === false) continue;
      const locale = row.locale ?? this.options.defaultLocale;
      const params = typeof row.params === 'string' ? (JSON.parse(row.params) as NotificationParams) : row.params;
      const url = row.link ? new URL(row.link, this.options.publicUrl).toString() : null;
      const mail = renderEmail(row.kind, params, locale, { url, instanceName: this.options.instanceName(locale) });
      try {
        await this.mailer!.send({ to: row.email, ...mail });
        await this.dataSource.query(`UPDATE notification SET emailed_at = now(), email_error = NULL WHERE id = $1`, [row.id]);
      } catch (error) {
        const reason = describeMailError(error);
        this.report(`e-mail of notification ${row.id} (${row.kind}) failed: ${reason}`);
        await this.dataSource.query(`UPDATE notification SET email_error = $2 WHERE id = $1`, [row.id, reason]).catch(() => undefined);
      }
    }
  }

  private report(line: string): void {
    (this.options.log ?? ((l: string) => console.warn(`@pilote/workflow: ${l}`)))(line);
  }
}
