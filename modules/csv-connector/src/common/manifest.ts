import { defineModule } from '@pilote/module-sdk';
import { z } from 'zod';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

export const settingsSchema = z.object({
  /** Largest file read, in bytes (a URL answering more is refused). */
  maxBytes: z.number().int().min(1024).default(20 * 1024 * 1024),
  /** Seconds before a URL that does not answer is given up. */
  timeoutSeconds: z.number().int().min(1).max(300).default(30),
});

export type CsvConnectorSettings = z.output<typeof settingsSchema>;

/** A connector reading a CSV or XLSX file (path or URL) into a DataFrame. */
export const manifest = defineModule({
  id: 'csv-connector',
  version: '0.1.0',
  kitRange: '^0.1.0',
  displayName: { fr: 'Connecteur CSV/XLSX', en: 'CSV/XLSX connector' },
  description: { fr: 'Lit un fichier CSV ou XLSX (chemin ou URL) en tableau de données.', en: 'Reads a CSV or XLSX file (path or URL) into a DataFrame.' },
  dependsOn: [],
  settingsSchema,
  i18n: { fr, en },
});
