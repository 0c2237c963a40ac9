/**
 * The demo instance: a neutral-looking PILOTE with deterministic demo data, so that the first
 * screen a newcomer sees looks like the real thing. Every key is documented in
 * docs/operating/configuration.md.
 */
export default {
  id: 'demo',
  name: { fr: 'PILOTE — démonstration', en: 'PILOTE — demo' },
  shortName: 'PILOTE',
  locales: ['fr', 'en'],
  defaultLocale: 'fr',
  theme: { extends: 'neutral', tokens: {} },
  demoMode: true,
  territoryLevels: [
    { id: 'NAT', label: { fr: 'National', en: 'National' } },
    { id: 'REG', label: { fr: 'Région', en: 'Region' }, hasMap: true },
    { id: 'DEPT', label: { fr: 'Département', en: 'Département' }, hasMap: true },
    { id: 'EPCI', label: { fr: 'Intercommunalité', en: 'Intercommunality' } },
    { id: 'COM', label: { fr: 'Commune', en: 'Municipality' } },
    { id: 'CRTE', label: { fr: 'Contrat de relance et de transition écologique', en: 'Recovery and ecological transition contract' }, perimeter: true },
  ],
  vocabulary: {
    fr: { policy: 'chantier', policies: 'chantiers', weather: 'météo', roadmap: 'feuille de route' },
    en: { policy: 'policy', policies: 'policies', weather: 'outlook', roadmap: 'roadmap' },
  },
  footerLinks: [{ label: { fr: 'Code source', en: 'Source code' }, href: 'https://github.com/' }],
  data: { referential: 'data/referential', seed: 'demo', directory: '.pilote' },
  // Modules (packages under modules/); their settings are validated at boot by each module's schema.
  modules: [
    { id: 'help-centre', settings: { folder: 'help' } },
    { id: 'chart' },
    { id: 'map' },
  ],
};
