import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import frCore from './locales/fr/core.json';
import enCore from './locales/en/core.json';
import { isOverrideKey, vocabularyVariables, type Vocabulary } from './vocabulary';

export * from './vocabulary';
export type { I18n };

export const supportedLocales = ['fr', 'en'] as const;
export const coreResources: Resource = { fr: { core: frCore }, en: { core: enCore } };

export interface CreateI18nOptions {
  lng: string;
  fallbackLng?: string;
  vocabulary?: Vocabulary;
  /** Extra namespaces (one per module id), per locale. */
  resources?: Resource;
}

/** Creates an isolated i18next instance bound to react-i18next, with the instance vocabulary applied. */
export function createI18n(options: CreateI18nOptions): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: options.lng,
    fallbackLng: options.fallbackLng ?? 'fr',
    supportedLngs: false,
    ns: ['core'],
    defaultNS: 'core',
    resources: coreResources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (options.resources) addResources(instance, options.resources);
  applyVocabulary(instance, options.vocabulary ?? {});
  return instance;
}

export function addResources(instance: I18n, resources: Resource): void {
  for (const [lng, namespaces] of Object.entries(resources)) {
    for (const [ns, bundle] of Object.entries(namespaces)) instance.addResourceBundle(lng, ns, bundle, true, true);
  }
}

const vocabularyListeners = new WeakMap<I18n, (lng: string) => void>();

/**
 * Injects the instance vocabulary: terms become default interpolation variables for the
 * current language (kept in sync on language change); `ns:key` entries override whole texts.
 */
export function applyVocabulary(instance: I18n, vocabulary: Vocabulary): void {
  for (const [lng, terms] of Object.entries(vocabulary)) {
    for (const [key, value] of Object.entries(terms)) {
      if (!isOverrideKey(key)) continue;
      const [ns, ...rest] = key.split(':');
      instance.addResource(lng, ns, rest.join(':'), value);
    }
  }
  const sync = (lng: string) => {
    instance.options.interpolation = { ...instance.options.interpolation, defaultVariables: vocabularyVariables(vocabulary, lng) };
  };
  const previous = vocabularyListeners.get(instance);
  if (previous) instance.off('languageChanged', previous);
  vocabularyListeners.set(instance, sync);
  instance.on('languageChanged', sync);
  sync(instance.language ?? 'fr');
}
