import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { NO_WORDS, type NotificationWords } from './notification-words';

export const NOTIFICATION_KINDS = ['item.submitted', 'item.validated', 'item.refused', 'item.published', 'campaign.deadline', 'campaign.assigned', 'access-request.created', 'alert.triggered', 'sync.parked'] as const;
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

const capitalize = (word: string) => (word ? word.charAt(0).toLocaleUpperCase() + word.slice(1) : word);

/** "la météo", "l’appréciation", "the outlook": the term with its article (French: feminine unless the instance overrides the text). */
function withArticle(term: string, locale: Locale): string {
  if (locale === 'en') return `the ${term}`;
  return /^[aeiouyhàâéèêëîïôûü]/i.test(term) ? `l’${term}` : `la ${term}`;
}

/**
 * Term variables for templates: `{weatherWord}` / `{WeatherWord}` (the instance's word or the
 * kit's), `{theWeatherWord}` (with its article). Named apart from the parameters (`{policy}` is a
 * policy's name).
 */
function termVariables(texts: (typeof TEXTS)[Locale], words: NotificationWords, locale: Locale): NotificationParams {
  const terms: Record<string, string> = { ...texts.words, ...words.terms };
  const vars: NotificationParams = {};
  for (const [key, value] of Object.entries(terms)) {
    vars[`${key}Word`] = value;
    vars[`${capitalize(key)}Word`] = capitalize(value);
  }
  vars.theWeatherWord = withArticle(terms.weather ?? '', locale);
  return vars;
}

/** Title and body of a notification in a language, from its kind and stored parameters, in the instance's words. */
export function renderNotification(kind: NotificationKind, params: NotificationParams, locale: Locale, words: NotificationWords = NO_WORDS): { title: string; body: string } {
  const texts = TEXTS[locale] ?? TEXTS.fr;
  const text = (key: string, kitText: string | undefined) => words.texts[key] ?? kitText ?? '';
  const whatKey = (params.whatKey ?? '') as keyof typeof texts.what;
  const weather = (params.weather ?? '') as string;
  const derived: NotificationParams = {
    ...params,
    ...termVariables(texts, words, locale),
    weatherLabel: words.weatherLabels[weather] ?? text(`weathers.${weather}`, texts.weathers[weather as keyof typeof texts.weathers]),
    rateText: formatValue(params.rate, locale),
    expectedText: formatValue(params.expected, locale),
  };
  const values: NotificationParams = {
    ...derived,
    what: interpolate(text(`what.${whatKey}`, texts.what[whatKey]), derived),
    valueText: params.value === null || params.value === undefined ? '' : interpolate(text('value', texts.value), { value: formatValue(params.value, locale) }),
    deadline: formatDate(params.deadline, locale),
    periodStart: formatDate(params.periodStart, locale),
    periodEnd: formatDate(params.periodEnd, locale),
  };
  const template = texts.kinds[kind];
  return { title: interpolate(text(`kinds.${kind}.title`, template.title), values), body: interpolate(text(`kinds.${kind}.body`, template.body), values) };
}

/** The plain-text e-mail: greeting, the notification, a link into the app, the signature. */
export function renderEmail(kind: NotificationKind, params: NotificationParams, locale: Locale, options: { url: string | null; instanceName: string; words?: NotificationWords }): { subject: string; text: string } {
  const texts = TEXTS[locale] ?? TEXTS.fr;
  const { title, body } = renderNotification(kind, params, locale, options.words);
  const lines = [texts.greeting, '', body];
  if (options.url) lines.push('', interpolate(texts.open, { url: options.url }));
  lines.push('', interpolate(texts.signature, { instance: options.instanceName }));
  return { subject: `[${options.instanceName}] ${title}`, text: lines.join('\n') };
}
