import { defineModule } from '@pilote/module-sdk';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** Sources read over HTTP that feed indicators: any JSON or CSV API, data.gouv.fr's tabular API, Grist. */
export const manifest = defineModule({
  id: 'http-connector',
  version: '0.1.0',
  kitRange: '^0.1.0',
  displayName: { fr: 'Connecteur HTTP (JSON, CSV, data.gouv.fr, Grist)', en: 'HTTP connector (JSON, CSV, data.gouv.fr, Grist)' },
  description: {
    fr: 'Lit des lignes depuis une API JSON ou CSV, l’API tabulaire de data.gouv.fr ou Grist, pour alimenter des indicateurs.',
    en: 'Reads rows from a JSON or CSV API, data.gouv.fr’s tabular API or Grist, to feed indicators.',
  },
  dependsOn: [],
  i18n: { fr, en },
});
