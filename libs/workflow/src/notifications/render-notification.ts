import en from '../i18n/en.json';
import fr from '../i18n/fr.json';

export const NOTIFICATION_KINDS = ['item.submitted', 'item.validated', 'item.refused', 'item.published', 'campaign.deadline', 'campaign.assigned', 'access-request.created', 'alert.triggered'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type Locale = 'fr' | 'en';
export type NotificationParams = Record<string, string | number | null>;

const TEXTS = { fr, en } as const;

/** Replaces `{name}` by the parameter (missing ones become empty, never "undefined"). */
export function interpolate(template: string, params: NotificationParams): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    return value === null || value === undefined ? '' : String(value);
  });
}

function formatValue(value: unknown, locale: Locale): string {
  if (typeof value !== 'number') return value === null || value === undefined ? '' : String(value);
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 6 }).format(value);
}

function formatDate(value: unknown, locale: Locale): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return String(value ?? '');
  const [y, m, d] = value.split('-');
  return locale === 'fr' ? `${d}/${m}/${y}` : value;
}

/** Title and body of a notification in a language, from its kind and stored parameters. */
export function renderNotification(kind: NotificationKind, params: NotificationParams, locale: Locale): { title: string; body: string } {
  const texts = TEXTS[locale] ?? TEXTS.fr;
  const whatKey = (params.whatKey ?? '') as keyof typeof texts.what;
  const derived: NotificationParams = {
    ...params,
    weatherLabel: texts.weathers[(params.weather ?? '') as keyof typeof texts.weathers] ?? '',
    rateText: formatValue(params.rate, locale),
    expectedText: formatValue(params.expected, locale),
  };
  const values: NotificationParams = {
    ...derived,
    what: interpolate(texts.what[whatKey] ?? '', derived),
    valueText: params.value === null || params.value === undefined ? '' : interpolate(texts.value, { value: formatValue(params.value, locale) }),
    deadline: formatDate(params.deadline, locale),
    periodStart: formatDate(params.periodStart, locale),
    periodEnd: formatDate(params.periodEnd, locale),
  };
  const template = texts.kinds[kind];
  return { title: interpolate(template.title, values), body: interpolate(template.body, values) };
}

/** The plain-text e-mail: greeting, the notification, a link into the app, the signature. */
export function renderEmail(kind: NotificationKind, params: NotificationParams, locale: Locale, options: { url: string | null; instanceName: string }): { subject: string; text: string } {
  const texts = TEXTS[locale] ?? TEXTS.fr;
  const { title, body } = renderNotification(kind, params, locale);
  const lines = [texts.greeting, '', body];
  if (options.url) lines.push('', interpolate(texts.open, { url: options.url }));
  lines.push('', interpolate(texts.signature, { instance: options.instanceName }));
  return { subject: `[${options.instanceName}] ${title}`, text: lines.join('\n') };
}
