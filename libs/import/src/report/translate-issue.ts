import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import type { ImportIssue } from './import-issue';

export type ImportLanguage = 'fr' | 'en';
type Messages = { [key: string]: string | Messages };

/** The import's texts, by language; the web app can load the same JSON as an i18next namespace. */
export const importMessages: Record<ImportLanguage, Messages> = { fr, en };

/** The message of an issue in `lang` (French by default), parameters filled in. */
export function translateIssue(issue: Pick<ImportIssue, 'code' | 'params'>, lang: ImportLanguage = 'fr'): string {
  let node: string | Messages | undefined = importMessages[lang] ?? importMessages.fr;
  for (const part of issue.code.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  const template = typeof node === 'string' ? node : issue.code;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(issue.params?.[name] ?? ''));
}

export function parseLanguage(value: string | undefined): ImportLanguage {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
