import type { LocalizedName } from '../common/localized-name';

/** The text of a `{ fr, en }` name in the current language (French when the language is unknown). */
export function localizedName(name: LocalizedName | string, language: string): string {
  if (typeof name === 'string') return name;
  const base = language.split('-')[0];
  return base === 'en' ? name.en : name.fr;
}
