import { defineSource } from '@pilote/module-sdk/server';
import { z } from 'zod';
import { jsonSource } from './json.source';

/** data.gouv.fr's tabular API (https://tabular-api.data.gouv.fr): a resource's rows, 50 a page. */
export const DATAGOUV_TABULAR_API = 'https://tabular-api.data.gouv.fr';

export const datagouvSettingsSchema = z.object({
  /** The resource id (a uuid) of a CSV/XLSX file published on data.gouv.fr. */
  resourceId: z.string().uuid(),
  /** Filters as the API documents them: `{ "code_departement__exact": "29", "annee__greater": "2019" }`. */
  filters: z.record(z.string().regex(/^[^&=?#]+__(exact|differs|contains|in|less|greater|strictly_less|strictly_greater|isnull|isnotnull|sort)$/, 'a column followed by __exact, __in, __less, __greater, __sort…'), z.string()).default({}),
  pageSize: z.number().int().min(1).max(50).default(50),
  /** Another deployment of the same API (tests, a mirror). */
  baseUrl: z.string().url().default(DATAGOUV_TABULAR_API),
});

export type DatagouvSettings = z.output<typeof datagouvSettingsSchema>;

/** `http-connector/datagouv`: rows of a data.gouv.fr resource through the tabular API, following `links.next`. */
export const datagouvSource = defineSource<DatagouvSettings>({
  id: 'datagouv',
  displayName: { fr: 'API tabulaire de data.gouv.fr', en: 'data.gouv.fr tabular API' },
  settingsSchema: datagouvSettingsSchema,
  records(settings, context) {
    const url = new URL(`/api/resources/${settings.resourceId}/data/`, settings.baseUrl);
    url.searchParams.set('page', '1');
    url.searchParams.set('page_size', String(settings.pageSize));
    for (const [key, value] of Object.entries(settings.filters)) url.searchParams.set(key, value);
    return jsonSource.records({ url: url.toString(), headers: {}, rowsPath: 'data', pagination: { type: 'link', nextPath: 'links.next' } }, context);
  },
});
