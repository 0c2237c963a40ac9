import { createSourceContext, isSourceError, type SourceRecord } from '@pilote/module-sdk/server';
import { sendJson, startSourceServer, type SourceServer } from '@pilote/module-sdk/testing';
import manifest, { csvSource, datagouvSource, gristSource, jsonSource } from '../src/server';

const RID = '5c4ae55a-634b-4f8f-8a1b-4b5a6e8ee1a0';
const ROWS = Array.from({ length: 120 }, (_, i) => ({ __id: i + 1, code_departement: i % 2 ? '29' : '35', annee: 2020 + (i % 5), valeur: i * 1.5 }));

async function all(records: AsyncIterable<SourceRecord>): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
}

describe('http-connector against local servers that answer as the real APIs', () => {
  let server: SourceServer;
  const ctx = (env: NodeJS.ProcessEnv = {}) => createSourceContext({ env, limits: { retries: 0, timeoutMs: 2_000 } });

  beforeAll(async () => {
    server = await startSourceServer((request, response, url) => {
      // data.gouv.fr tabular API: /api/resources/{rid}/data/?page=&page_size=&<col>__exact=
      const tabular = /^\/api\/resources\/([^/]+)\/data\/$/.exec(url.pathname);
      if (tabular) {
        if (tabular[1] !== RID) return sendJson(response, { errors: ['Resource not found'] }, 404);
        const page = Number(url.searchParams.get('page') ?? 1);
        const size = Number(url.searchParams.get('page_size') ?? 20);
        const dept = url.searchParams.get('code_departement__exact');
        const rows = ROWS.filter((row) => !dept || row.code_departement === dept);
        const slice = rows.slice((page - 1) * size, page * size);
        const next = page * size < rows.length ? `${server.url}${url.pathname}?${new URLSearchParams({ ...Object.fromEntries(url.searchParams), page: String(page + 1) })}` : null;
        return sendJson(response, { data: slice, links: { profile: `${server.url}/api/resources/${RID}/profile/`, swagger: `${server.url}/api/resources/${RID}/swagger/`, next, prev: page > 1 ? 'x' : null }, meta: { page, page_size: size, total: rows.length } });
      }
      // Grist: /api/docs/{doc}/tables/{table}/records with a Bearer API key
      const grist = /^\/api\/docs\/([^/]+)\/tables\/([^/]+)\/records$/.exec(url.pathname);
      if (grist) {
        if (request.headers.authorization !== 'Bearer grist-key') return sendJson(response, { error: 'Unauthorized' }, 401);
        if (grist[2] !== 'Valeurs') return sendJson(response, { error: `Table not found "${grist[2]}"` }, 404);
        return sendJson(response, { records: [{ id: 1, fields: { Indicateur: 'IND-A', Zone: 'D29', Valeur: 12 } }, { id: 2, fields: { Indicateur: 'IND-A', Zone: 'D35', Valeur: 14 } }] });
      }
      if (url.pathname === '/cursor') {
        const cursor = Number(url.searchParams.get('after') ?? 0);
        return sendJson(response, { results: { items: [{ n: cursor + 1 }, { n: cursor + 2 }] }, meta: { next: cursor < 4 ? cursor + 2 : null } });
      }
      if (url.pathname === '/link-header') {
        const page = Number(url.searchParams.get('p') ?? 1);
        return sendJson(response, [{ page }], 200, page < 2 ? { link: `</link-header?p=${page + 1}>; rel="next"` } : {});
      }
      if (url.pathname === '/not-an-array') return sendJson(response, { data: { a: 1 } });
      if (url.pathname === '/file.csv') {
        response.writeHead(200, { 'content-type': 'text/csv' });
        return response.end('\uFEFFindicateur;zone;valeur\nIND-A;D29;12,5\n\nIND-A;D35;"1 200"\n');
      }
      return sendJson(response, { detail: 'Not found' }, 404);
    });
  });
  afterAll(() => server.close());

  it('is a valid module offering four sources', () => {
    expect(manifest.id).toBe('http-connector');
    expect(manifest.server?.sources).toHaveLength(4);
  });

  it('data.gouv.fr: every page of a resource, with a filter, 50 a page', async () => {
    const settings = datagouvSource.settingsSchema.parse({ resourceId: RID, baseUrl: server.url, filters: { code_departement__exact: '29' } });
    const rows = await all(datagouvSource.records(settings, ctx()));
    expect(rows).toHaveLength(60);
    expect(rows.every((row) => row.code_departement === '29')).toBe(true);
    const pages = server.requests.filter((r) => r.url.startsWith(`/api/resources/${RID}`));
    expect(pages.map((r) => new URL(r.url, server.url).searchParams.get('page'))).toEqual(['1', '2']);
    expect(new URL(pages[0].url, server.url).searchParams.get('page_size')).toBe('50');
  });

  it('data.gouv.fr: settings are checked (resource id, filter operators) and a missing resource says 404', async () => {
    expect(datagouvSource.settingsSchema.safeParse({ resourceId: 'abc' }).success).toBe(false);
    expect(datagouvSource.settingsSchema.safeParse({ resourceId: RID, filters: { annee: '2020' } }).success).toBe(false);
    const missing = datagouvSource.settingsSchema.parse({ resourceId: '00000000-0000-4000-8000-000000000000', baseUrl: server.url });
    await expect(all(datagouvSource.records(missing, ctx()))).rejects.toMatchObject({ sourceCode: 'SOURCE_HTTP_ERROR', details: expect.objectContaining({ status: 404 }) });
  });

  it('Grist: records with fields flattened, the API key from a secret; a wrong key is refused', async () => {
    const settings = gristSource.settingsSchema.parse({ server: server.url, docId: 'abcDEF123', tableId: 'Valeurs', apiKeySecret: 'GRIST_KEY' });
    expect(await all(gristSource.records(settings, ctx({ GRIST_KEY: 'grist-key' })))).toEqual([
      { id: 1, Indicateur: 'IND-A', Zone: 'D29', Valeur: 12 },
      { id: 2, Indicateur: 'IND-A', Zone: 'D35', Valeur: 14 },
    ]);
    await expect(all(gristSource.records(settings, ctx({ GRIST_KEY: 'wrong' })))).rejects.toMatchObject({ sourceCode: 'SOURCE_UNAUTHORIZED' });
    await expect(all(gristSource.records(settings, ctx()))).rejects.toMatchObject({ sourceCode: 'SOURCE_SECRET_MISSING' });
    expect(gristSource.settingsSchema.safeParse({ server: server.url, docId: 'a', tableId: 'T', apiKeySecret: 'my key' }).success).toBe(false);
  });

  it('JSON: cursor paging and Link header paging', async () => {
    const cursor = jsonSource.settingsSchema.parse({ url: `${server.url}/cursor`, rowsPath: 'results.items', pagination: { type: 'cursor', cursorPath: 'meta.next', param: 'after' } });
    expect((await all(jsonSource.records(cursor, ctx()))).map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6]);
    const link = jsonSource.settingsSchema.parse({ url: `${server.url}/link-header`, pagination: { type: 'link' } });
    expect(await all(jsonSource.records(link, ctx()))).toEqual([{ page: 1 }, { page: 2 }]);
  });

  it('JSON: a rows path that is not an array is a shape error naming the page', async () => {
    const settings = jsonSource.settingsSchema.parse({ url: `${server.url}/not-an-array`, rowsPath: 'data' });
    const error = await all(jsonSource.records(settings, ctx())).catch((e: unknown) => e);
    expect(isSourceError(error) && error.sourceCode).toBe('SOURCE_SHAPE');
    expect((error as Error).message).toContain('Page 1');
  });

  it('CSV over HTTP: records keyed by the header, BOM and blank lines ignored', async () => {
    const settings = csvSource.settingsSchema.parse({ url: `${server.url}/file.csv` });
    expect(await all(csvSource.records(settings, ctx()))).toEqual([
      { indicateur: 'IND-A', zone: 'D29', valeur: '12,5' },
      { indicateur: 'IND-A', zone: 'D35', valeur: '1 200' },
    ]);
  });
});
