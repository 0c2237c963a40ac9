import type { LocalizedText } from '../config/localized-text';

export const DEFAULT_WEATHER_LEVELS: { id: string; label: LocalizedText; tone: string }[] = [
  { id: 'SUNNY', label: { fr: 'Soleil', en: 'Sunny' }, tone: 'sunny' },
  { id: 'CLOUDY', label: { fr: 'Nuageux', en: 'Cloudy' }, tone: 'cloudy' },
  { id: 'RAINY', label: { fr: 'Pluie', en: 'Rainy' }, tone: 'rainy' },
  { id: 'STORMY', label: { fr: 'Orage', en: 'Stormy' }, tone: 'stormy' },
  { id: 'NOT_FILLED', label: { fr: 'Non renseignée', en: 'Not filled' }, tone: 'notFilled' },
  { id: 'NOT_NEEDED', label: { fr: 'Non nécessaire', en: 'Not needed' }, tone: 'notFilled' },
];

export const DEFAULT_COMMENT_TYPES: { id: string; label: LocalizedText }[] = [
  { id: 'progress', label: { fr: 'Avancement', en: 'Progress' } },
  { id: 'difficulties', label: { fr: 'Difficultés', en: 'Difficulties' } },
  { id: 'actions', label: { fr: 'Actions à venir', en: 'Next actions' } },
  { id: 'support', label: { fr: 'Besoin d’appui', en: 'Support needed' } },
];
