import { defineSource, fetchSource, parseDelimited, resolveHeaders, SourceError } from '@pilote/module-sdk/server';
import { z } from 'zod';
import { headerValue, httpUrl } from './settings';

export const csvSettingsSchema = z.object({
  url: httpUrl,
  headers: z.record(z.string(), headerValue).default({}),
  /** `;`, `,` or tab; detected from the header when absent. */
  delimiter: z.enum([';', ',', '\t']).optional(),
});

export type CsvSettings = z.output<typeof csvSettingsSchema>;

/** `http-connector/csv`: a CSV answer (UTF-8), one record per line keyed by the header. */
export const csvSource = defineSource<CsvSettings>({
  id: 'csv',
  displayName: { fr: 'CSV par HTTP', en: 'CSV over HTTP' },
  settingsSchema: csvSettingsSchema,
  async *records(settings, context) {
    const answer = await fetchSource(context, { url: settings.url, headers: resolveHeaders(context, settings.headers), page: 1 });
    context.onPage?.({ page: 1, bytes: answer.body.length });
    const rows = parseDelimited(answer.body.toString('utf8').replace(/^\uFEFF/, ''), settings.delimiter);
    const header = rows[0]?.map((cell) => cell.trim());
    if (!header || header.every((cell) => cell === '')) throw new SourceError('SOURCE_SHAPE', 'The CSV answer is empty: the first line must name the columns', {});
    for (let i = 1; i < rows.length; i += 1) {
      if (rows[i].every((cell) => cell.trim() === '')) continue;
      yield Object.fromEntries(header.map((name, column) => [name, rows[i][column] ?? '']));
    }
  },
});
