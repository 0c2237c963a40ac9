import { createTransport } from 'nodemailer';
import type { MailSettings } from './mail-settings';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Message-ID header, derived from the notification: the message's idempotency key for mail systems. */
  messageId?: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Sends through the configured SMTP server (nodemailer, pooled connections, short timeouts). */
export function createSmtpMailer(settings: MailSettings): Mailer {
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.messageId ? { messageId: mail.messageId } : {}) });
    },
    close: () => transport.close(),
  };
}

/** What may be logged of a failure: the error's code and SMTP status, never addresses or text. */
export function describeMailError(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; name?: unknown };
  const parts = [typeof e?.code === 'string' ? e.code : null, typeof e?.responseCode === 'number' ? `SMTP ${e.responseCode}` : null].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : typeof e?.name === 'string' ? e.name : 'unknown error';
}
