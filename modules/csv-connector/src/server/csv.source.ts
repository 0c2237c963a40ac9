import path from 'node:path';
import { defineSource, SourceError, UserFacingError } from '@pilote/module-sdk/server';
import type { CsvConnectorSettings } from '../common/manifest';
import { csvSourceSchema, type CsvSource } from './csv-source.schema';
import { readBytes } from './read-bytes';
import { readTable } from './read-table';

/**
 * `csv-connector/file` as a source for bindings: each data line of the CSV/XLSX file (path or URL)
 * is a record keyed by the header (cells as text; the import's checks read numbers and dates).
 * The file is read whole, within the smaller of the module's `maxBytes` and the run's limit.
 */
export function createCsvSource(moduleSettings: CsvConnectorSettings) {
  return defineSource<CsvSource>({
    id: 'file',
    displayName: { fr: 'Fichier CSV ou XLSX', en: 'CSV or XLSX file' },
    settingsSchema: csvSourceSchema,
    async *records(source, context) {
      const name = /^https?:/i.test(source.source) ? source.source : path.basename(source.source);
      const format = source.format === 'auto' ? (/\.xlsx($|\?)/i.test(source.source) ? 'xlsx' : 'csv') : source.format;
      let rows: string[][];
      try {
        const bytes = await readBytes(source.source, { maxBytes: Math.min(moduleSettings.maxBytes, context.limits.maxBytes), timeoutSeconds: Math.ceil(Math.min(moduleSettings.timeoutSeconds * 1000, context.limits.timeoutMs) / 1000) });
        context.onPage?.({ page: 1, bytes: bytes.length });
        rows = await readTable(bytes, format, { name, sheet: source.sheet, delimiter: source.delimiter });
      } catch (error) {
        if (!(error instanceof UserFacingError)) throw error;
        const code = error.code === 'CONNECTOR_SOURCE_TOO_LARGE' ? 'SOURCE_TOO_LARGE' : error.code === 'CONNECTOR_FORMAT' ? 'SOURCE_MALFORMED' : 'SOURCE_UNREACHABLE';
        throw new SourceError(code, error.message, { where: name, hint: error.hint, retryable: code === 'SOURCE_UNREACHABLE' && /^https?:/i.test(source.source) });
      }
      const header = rows[0]?.map((cell) => cell.trim());
      if (!header) throw new SourceError('SOURCE_SHAPE', `${name} is empty: the first line must name the columns`, { where: name });
      for (const row of rows.slice(1)) yield Object.fromEntries(header.map((column, i) => [column, row[i] ?? '']));
    },
  });
}
