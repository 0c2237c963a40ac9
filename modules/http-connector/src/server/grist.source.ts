import { defineSource, SourceError } from '@pilote/module-sdk/server';
import { z } from 'zod';
import { jsonSource } from './json.source';

export const gristSettingsSchema = z.object({
  /** The Grist server (`https://docs.getgrist.com`, or the administration's own). */
  server: z.string().url(),
  docId: z.string().regex(/^[A-Za-z0-9_-]+$/, 'the document id from its URL'),
  tableId: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'the table id (e.g. Indicateurs)'),
  /** Name of the environment variable holding the API key (never the key itself). */
  apiKeySecret: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'the NAME of an environment variable'),
  /** Grist's `filter` parameter: `{ "annee": [2024, 2025] }`. */
  filter: z.record(z.string(), z.array(z.union([z.string(), z.number()]))).optional(),
});

export type GristSettings = z.output<typeof gristSettingsSchema>;

/** `http-connector/grist`: a Grist table's records through its REST API (`/api/docs/{doc}/tables/{table}/records`), fields flattened. */
export const gristSource = defineSource<GristSettings>({
  id: 'grist',
  displayName: { fr: 'Table Grist', en: 'Grist table' },
  settingsSchema: gristSettingsSchema,
  secretSettings: ['apiKeySecret'],
  async *records(settings, context) {
    const url = new URL(`/api/docs/${settings.docId}/tables/${settings.tableId}/records`, settings.server);
    if (settings.filter) url.searchParams.set('filter', JSON.stringify(settings.filter));
    const records = jsonSource.records(
      { url: url.toString(), headers: { Authorization: { secret: settings.apiKeySecret, prefix: 'Bearer ' } }, rowsPath: 'records', pagination: { type: 'none' } },
      context,
    );
    let index = 0;
    for await (const record of records) {
      index += 1;
      const fields = record.fields;
      if (fields === null || typeof fields !== 'object') throw new SourceError('SOURCE_SHAPE', `Record ${index}: no "fields" object (is this a Grist records answer?)`, {});
      yield { id: record.id, ...(fields as Record<string, unknown>) };
    }
  },
});
