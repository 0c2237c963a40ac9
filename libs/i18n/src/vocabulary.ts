/** Words an instance may rename (e.g. fr policy: "chantier", en policy: "project"). */
export type VocabularyTerms = Record<string, string>;
/** Per locale: terms, plus optional full-key overrides such as `"core:home.title": "…"`. */
export type Vocabulary = Record<string, VocabularyTerms>;

export const defaultVocabulary: Vocabulary = {
  fr: {
    policy: 'politique', policies: 'politiques', territory: 'territoire', territories: 'territoires',
    indicator: 'indicateur', indicators: 'indicateurs', weather: 'météo', roadmap: 'feuille de route',
    level: 'maille',
  },
  en: {
    policy: 'policy', policies: 'policies', territory: 'territory', territories: 'territories',
    indicator: 'indicator', indicators: 'indicators', weather: 'weather', roadmap: 'roadmap',
    level: 'level',
  },
};

const capitalize = (word: string) => (word ? word.charAt(0).toLocaleUpperCase() + word.slice(1) : word);

/** A key such as `core:home.title` replaces a whole text instead of naming a term. */
export const isOverrideKey = (key: string) => key.includes(':');

/**
 * Interpolation variables for one locale: each term as given and capitalised
 * (`{{policies}}` → "chantiers", `{{Policies}}` → "Chantiers").
 */
export function vocabularyVariables(vocabulary: Vocabulary, locale: string): Record<string, string> {
  const base = locale.split('-')[0];
  const terms = { ...(defaultVocabulary[base] ?? defaultVocabulary.en), ...(vocabulary[base] ?? {}), ...(vocabulary[locale] ?? {}) };
  const vars: Record<string, string> = {};
  for (const [key, value] of Object.entries(terms)) {
    if (isOverrideKey(key) || typeof value !== 'string') continue;
    vars[key] = value;
    vars[capitalize(key)] = capitalize(value);
  }
  return vars;
}
