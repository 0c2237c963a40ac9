import { atPath, defineSource, nextLink, pagesOf, parseJsonBody, resolveHeaders, SourceError, type SourceRecord } from '@pilote/module-sdk/server';
import { z } from 'zod';
import { headerValue, httpUrl } from './settings';

const pagination = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  /** The next page's URL is in the body (`links.next`), or in the Link header when `nextPath` is absent. */
  z.object({ type: z.literal('link'), nextPath: z.string().min(1).optional() }),
  /** A cursor in the body (`meta.next_cursor`) sent back as a query parameter (`cursor`). */
  z.object({ type: z.literal('cursor'), cursorPath: z.string().min(1), param: z.string().min(1) }),
]);

export const jsonSettingsSchema = z.object({
  url: httpUrl,
  headers: z.record(z.string(), headerValue).default({}),
  /** Dot path to the array of records in each answer (`data`, `results.items`); empty = the answer is the array. */
  rowsPath: z.string().default(''),
  pagination: pagination.default({ type: 'none' }),
});

export type JsonSettings = z.output<typeof jsonSettingsSchema>;

/** Records of one JSON answer at `rowsPath`, or `SOURCE_SHAPE` saying what was found instead. */
export function recordsAt(body: unknown, rowsPath: string, page: number): SourceRecord[] {
  const rows = atPath(body, rowsPath);
  if (!Array.isArray(rows)) {
    throw new SourceError('SOURCE_SHAPE', `Page ${page}: no array of records at "${rowsPath || '(the answer itself)'}" (found ${rows === undefined ? 'nothing' : typeof rows})`, {
      page, hint: 'Check rowsPath against what the API answers.',
    });
  }
  return rows.map((row, index) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new SourceError('SOURCE_SHAPE', `Page ${page}, record ${index + 1}: not an object`, { page });
    return row as SourceRecord;
  });
}

/** `http-connector/json`: any JSON API answering arrays of objects, page after page. */
export const jsonSource = defineSource<JsonSettings>({
  id: 'json',
  displayName: { fr: 'API JSON', en: 'JSON API' },
  settingsSchema: jsonSettingsSchema,
  async *records(settings, context) {
    const headers = { accept: 'application/json', ...resolveHeaders(context, settings.headers) };
    const { pagination: paging } = settings;
    yield* pagesOf(context, { url: settings.url, headers }, (answer, page) => {
      const body = parseJsonBody(answer, page);
      const items = recordsAt(body, settings.rowsPath, page);
      let next: string | null = null;
      if (paging.type === 'link') {
        const found = paging.nextPath ? atPath(body, paging.nextPath) : nextLink(answer.headers.get('link'));
        next = typeof found === 'string' && found !== '' ? found : null;
      } else if (paging.type === 'cursor') {
        const cursor = atPath(body, paging.cursorPath);
        if (cursor !== null && cursor !== undefined && cursor !== '' && items.length > 0) {
          const url = new URL(settings.url);
          url.searchParams.set(paging.param, String(cursor));
          next = url.toString();
        }
      }
      return { items, next };
    });
  },
});
