import path from 'node:path';
import { defineConnector } from '@pilote/module-sdk/server';
import type { CsvConnectorSettings } from '../common/manifest';
import { csvSourceSchema, type CsvSourceInput } from './csv-source.schema';
import { readBytes } from './read-bytes';
import { readTable } from './read-table';
import { rowsToFrame } from './rows-to-frame';

/** `csv-connector/file`: a CSV or XLSX file (URL or path) → DataFrame. */
export function createCsvConnector(moduleSettings: CsvConnectorSettings) {
  return defineConnector<CsvSourceInput>({
    id: 'file',
    displayName: { fr: 'Fichier CSV ou XLSX', en: 'CSV or XLSX file' },
    settingsSchema: csvSourceSchema,
    async read(settings, query) {
      const source = csvSourceSchema.parse(settings);
      const name = /^https?:/i.test(source.source) ? source.source : path.basename(source.source);
      const format = source.format === 'auto' ? (/\.xlsx($|\?)/i.test(source.source) ? 'xlsx' : 'csv') : source.format;
      const bytes = await readBytes(source.source, moduleSettings);
      const rows = await readTable(bytes, format, { name, sheet: source.sheet, delimiter: source.delimiter });
      return rowsToFrame(rows, source, query, name);
    },
  });
}

/** With the module's default settings (for code that reads files outside a running kit). */
export const csvConnector = createCsvConnector({ maxBytes: 20 * 1024 * 1024, timeoutSeconds: 30 });
