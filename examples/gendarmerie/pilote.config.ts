/**
 * Gendarmerie-like example: plans d'action and objectifs followed by groupement (département) and
 * région de gendarmerie. Own colours and a drawn logo (theme/; not the real emblem), own words.
 * Start it: npm start -- --instance examples/gendarmerie. Keys: docs/operating/configuration.md.
 */
import type { InstanceConfigInput } from '@pilote/module-sdk';
import tokens from './theme/tokens.json';

export default {
  id: 'gendarmerie',
  name: { fr: 'Pilotage sécurité — plans d’action', en: 'Security steering — action plans' },
  shortName: { fr: 'Pilotage sécurité', en: 'Security steering' },
  locales: ['fr', 'en'],
  defaultLocale: 'fr',
  theme: { extends: 'neutral', tokens },
  demoMode: true,
  territoryLevels: [
    { id: 'NAT', label: { fr: 'Direction générale', en: 'Headquarters' } },
    { id: 'REG', label: { fr: 'Région de gendarmerie', en: 'Gendarmerie region' }, hasMap: true },
    { id: 'DEPT', label: { fr: 'Groupement', en: 'Group (département)' }, hasMap: true },
  ],
  territories: { source: 'decoupage-administratif', levels: ['NAT', 'REG', 'DEPT'] },
  vocabulary: {
    fr: { policy: 'plan d’action', policies: 'plans d’action', indicator: 'objectif', indicators: 'objectifs', weather: 'situation', roadmap: 'feuille de route', level: 'échelon' },
    en: { policy: 'action plan', policies: 'action plans', indicator: 'objective', indicators: 'objectives', weather: 'status', roadmap: 'roadmap', level: 'echelon' },
  },
  weatherLevels: [
    { id: 'SUNNY', label: { fr: 'Conforme', en: 'On track' } },
    { id: 'CLOUDY', label: { fr: 'Vigilance', en: 'Watch' } },
    { id: 'RAINY', label: { fr: 'Retard', en: 'Late' } },
    { id: 'STORMY', label: { fr: 'Alerte', en: 'Alert' } },
  ],
  footerLinks: [{ label: { fr: 'Mentions légales', en: 'Legal notice' }, href: 'https://example.org/mentions-legales' }],
  accessibility: { status: 'partial' },
  data: { referential: 'data/referential', seed: 'demo', directory: '.pilote' },
  modules: [
    { id: 'help-centre', settings: { folder: 'help', contextualPages: ['home', 'policy'] } },
    { id: 'chart' },
    { id: 'map' },
  ],
} satisfies InstanceConfigInput;
