import { jobQueueOf, type KitContext, localize } from '@pilote/core';
import { type MailSettings, readMailSettings } from './mail-settings';
import { createSmtpMailer, type Mailer } from './mailer';
import { NotificationDispatcher } from './notification-dispatcher';
import { notificationWordsOf } from './notification-words';

export interface DispatcherSetup {
  /** SMTP settings; default: from SMTP_* environment variables (none → in-app notifications only). */
  mail?: MailSettings | null;
  /** A ready mailer (tests); wins over `mail`. */
  mailer?: Mailer | null;
  /** Base of links in e-mails; default PUBLIC_URL (or http://localhost:$PORT). */
  publicUrl?: string;
  log?: (line: string) => void;
}

/** The dispatcher of an instance: SMTP from the environment, links to PUBLIC_URL, the instance's name and language, e-mails through the instance's job queue. */
export function createNotificationDispatcher(kit: KitContext, setup: DispatcherSetup = {}): NotificationDispatcher {
  const mail = setup.mail === undefined ? readMailSettings(process.env) : setup.mail;
  const mailer = setup.mailer !== undefined ? setup.mailer : mail ? createSmtpMailer(mail) : null;
  const publicUrl = (setup.publicUrl ?? (process.env.PUBLIC_URL?.trim() || `http://localhost:${kit.settings.port}`)).replace(/\/+$/, '');
  const config = kit.instance.config;
  return new NotificationDispatcher(kit.dataSource, mailer, {
    publicUrl,
    defaultLocale: config.defaultLocale,
    instanceName: (locale) => localize(config.shortName ?? config.name, locale, config.defaultLocale),
    words: (locale) => notificationWordsOf(config, locale),
    log: setup.log,
  }, jobQueueOf(kit));
}
