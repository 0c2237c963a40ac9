import { localize, type InstanceConfig } from '@pilote/core';
import type { Locale } from './render-notification';

/**
 * The instance's own words in one language, for notifications and their e-mails: its vocabulary
 * terms (`weather: 'situation'`), its météo labels (`STORMY: 'Alerte'`) and whole-text overrides
 * (`'notifications:what.alert.policy-weather': '…'`, the key of the text in `i18n/<locale>.json`).
 * Unset entries fall back to the kit's texts.
 */
export interface NotificationWords {
  terms: Record<string, string>;
  weatherLabels: Record<string, string>;
  texts: Record<string, string>;
}

export const NO_WORDS: NotificationWords = { terms: {}, weatherLabels: {}, texts: {} };

const OVERRIDE_PREFIX = 'notifications:';

/** The words of an instance's configuration in `locale` (the vocabulary's base language entry, then the exact one). */
export function notificationWordsOf(config: Pick<InstanceConfig, 'vocabulary' | 'weatherLevels' | 'defaultLocale'>, locale: Locale): NotificationWords {
  const words: NotificationWords = { terms: {}, weatherLabels: {}, texts: {} };
  for (const [key, value] of Object.entries(config.vocabulary?.[locale] ?? {})) {
    if (key.startsWith(OVERRIDE_PREFIX)) words.texts[key.slice(OVERRIDE_PREFIX.length)] = value;
    else if (!key.includes(':')) words.terms[key] = value;
  }
  for (const level of config.weatherLevels ?? []) {
    const label = localize(level.label, locale, config.defaultLocale);
    if (label) words.weatherLabels[level.id] = label;
  }
  return words;
}
