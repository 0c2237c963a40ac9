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
  // The public baromètre at /public: published figures only, no personal data (ADR 038). Pages on
  // this machine may embed its charts and maps (any port), e.g. to try the embed codes (ADR 039).
  publicSite: {
    enabled: true,
    weather: true,
    levels: ['NAT', 'REG', 'DEPT'],
    embeds: { allowedSites: ['http://localhost:*', 'http://127.0.0.1:*'] },
  },
  footerLinks: [{ label: { fr: 'Code source', en: 'Source code' }, href: 'https://github.com/' }],
  data: { referential: 'data/referential', seed: 'demo', directory: '.pilote' },
  // Modules (packages under modules/); their settings are validated at boot by each module's schema.
  modules: [
    { id: 'help-centre', settings: { folder: 'help' } },
    { id: 'chart' },
    { id: 'map' },
    { id: 'csv-connector' },
  ],
  // Connector data drawn in a zone of the dashboard: here real open data (the public baromètre's
  // file for indicator IND-046), read by the csv-connector module and drawn by the chart module.
  dataPanels: [
    {
      id: 'barometre-ind-046',
      title: { fr: 'Baromètre de l’action publique : indicateur IND-046', en: 'Public action barometer: indicator IND-046' },
      description: {
        fr: 'Valeurs publiées par le baromètre pour ce territoire (données réelles, sans lien avec les chiffres fictifs de la démonstration).',
        en: 'Values published by the barometer for this territory (real data, unrelated to the demo’s fictitious figures).',
      },
      connector: 'csv-connector/file',
      settings: {
        source: 'data/panels/barometre-ind-046.csv',
        columns: {
          enforce_zone_id: { type: 'territory', name: 'territory' },
          metric_enforce_date: { type: 'time', name: 'date' },
          indic_va: { type: 'number', name: 'value' },
        },
      },
      visualisation: 'chart.line',
      zone: 'territory.main.after',
      source: {
        fr: 'data.gouv.fr, « Baromètre des résultats de l’action publique », mise à jour de novembre 2023, Licence Ouverte 2.0',
        en: 'data.gouv.fr, “Baromètre des résultats de l’action publique”, November 2023 update, Licence Ouverte 2.0',
      },
    },
  ],
};
