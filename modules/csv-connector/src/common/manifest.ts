import { defineModule } from '@pilote/module-sdk';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

export type { CsvConnectorSettings } from './settings.schema';

/** A connector reading a CSV or XLSX file (path or URL) into a DataFrame. */
export const manifest = defineModule({
  id: 'csv-connector',
  version: '0.1.0',
  kitRange: '^0.1.0',
  displayName: { fr: 'Connecteur CSV/XLSX', en: 'CSV/XLSX connector' },
  description: { fr: 'Lit un fichier CSV ou XLSX (chemin ou URL) en tableau de données.', en: 'Reads a CSV or XLSX file (path or URL) into a DataFrame.' },
  dependsOn: [],
  i18n: { fr, en },
});
