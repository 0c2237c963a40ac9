/**
 * ANCT-like example: CRTE contracts followed by intercommunalité (EPCI) and commune, in three
 * régions. Own branding (theme/), own words, custom perimeters (data/referential/perimeters.yaml).
 * Start it: npm start -- --instance examples/anct-crte. Keys: docs/operating/configuration.md.
 */
import type { InstanceConfigInput } from '@pilote/module-sdk';
// Branding (fictional green/teal identity): theme/tokens.json; logos in theme/, served at /instance-assets/.
import tokens from './theme/tokens.json';

export default {
  id: 'anct-crte',
  name: { fr: 'Contrats territoriaux — suivi des CRTE', en: 'Territorial contracts — CRTE follow-up' },
  shortName: { fr: 'Contrats', en: 'Contracts' },
  locales: ['fr', 'en'],
  defaultLocale: 'fr',
  theme: { extends: 'neutral', tokens },
  demoMode: true,
  territoryLevels: [
    { id: 'NAT', label: { fr: 'National', en: 'National' } },
    { id: 'REG', label: { fr: 'Région', en: 'Region' }, hasMap: true },
    { id: 'DEPT', label: { fr: 'Département', en: 'Département' }, hasMap: true },
    // Maps at EPCI and commune level come from data/geometry/: real IGN ADMIN EXPRESS boundaries of
    // Bretagne and Indre-et-Loire (EPCI = union of their communes), made by tools/geometry (README.md).
    { id: 'EPCI', label: { fr: 'Intercommunalité', en: 'Intercommunality' }, hasMap: true },
    { id: 'COM', label: { fr: 'Commune', en: 'Municipality' }, hasMap: true },
    { id: 'CRTE', label: { fr: 'Contrat (CRTE)', en: 'Contract (CRTE)' }, perimeter: true },
  ],
  // Bretagne, Centre-Val de Loire, Pays de la Loire: enough for the contracts, small to start.
  territories: { source: 'decoupage-administratif', regions: ['53', '24', '52'] },
  vocabulary: {
    fr: { policy: 'action', policies: 'actions', weather: 'appréciation', roadmap: 'contrat', indicator: 'indicateur', level: 'échelle' },
    en: { policy: 'action', policies: 'actions', weather: 'status', roadmap: 'contract', indicator: 'indicator', level: 'scale' },
  },
  commentTypes: [
    { id: 'progress', label: { fr: 'Avancement de la fiche action', en: 'Action sheet progress' } },
    { id: 'difficulties', label: { fr: 'Points de blocage', en: 'Blocking points' } },
    { id: 'financing', label: { fr: 'Financements', en: 'Funding' } },
  ],
  footerLinks: [{ label: { fr: 'Mentions légales', en: 'Legal notice' }, href: 'https://example.org/mentions-legales' }],
  data: { referential: 'data/referential', seed: 'demo', directory: '.pilote' },
  modules: [
    { id: 'help-centre', settings: { folder: 'help' } },
    { id: 'chart' },
    { id: 'map' },
  ],
} satisfies InstanceConfigInput;
