import { applyVocabulary, createI18n, vocabularyVariables } from './index';
import fr from './locales/fr/core.json';
import en from './locales/en/core.json';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('i18n', () => {
  it('has the same keys in French and English', () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });

  it('injects the kit default vocabulary', () => {
    const i18n = createI18n({ lng: 'fr' });
    expect(i18n.t('home.policies')).toBe('Politiques');
  });

  it('injects the instance vocabulary per language, capitalised where the text needs it', async () => {
    const i18n = createI18n({ lng: 'fr', vocabulary: { fr: { policy: 'chantier', policies: 'chantiers' }, en: { policies: 'projects' } } });
    expect(i18n.t('home.title', { territory: 'Bretagne' })).toBe('Chantiers : Bretagne');
    expect(i18n.t('home.filters.alertsOnly')).toBe('Seulement les chantiers en alerte');
    await i18n.changeLanguage('en');
    expect(i18n.t('home.title', { territory: 'Brittany' })).toBe('Projects: Brittany');
  });

  it('lets an instance override a whole text with a namespaced key', () => {
    const i18n = createI18n({ lng: 'fr' });
    applyVocabulary(i18n, { fr: { 'core:layout.nav.home': 'Accueil' } });
    expect(i18n.t('layout.nav.home')).toBe('Accueil');
  });

  it('builds variables from defaults, base locale and regional locale', () => {
    const vars = vocabularyVariables({ fr: { policy: 'réforme' }, 'fr-CA': { territory: 'région' } }, 'fr-CA');
    expect(vars).toMatchObject({ policy: 'réforme', Policy: 'Réforme', territory: 'région', indicators: 'indicateurs' });
  });
});
