import path from 'node:path';
import { createSourceContext, findSource, type SourceRecord } from '@pilote/module-sdk/server';
import { startSourceServer, type SourceServer } from '@pilote/module-sdk/testing';
import csvModule, { createCsvSource } from '../src/server';

const files = path.join(__dirname, 'files');

async function all(records: AsyncIterable<SourceRecord>): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
}

describe('csv-connector as a source for bindings', () => {
  let server: SourceServer;
  const source = createCsvSource({ maxBytes: 20 * 1024 * 1024, timeoutSeconds: 5 });
  const context = createSourceContext({ limits: { retries: 0, maxBytes: 1_000 } });

  beforeAll(async () => {
    server = await startSourceServer((_request, response, url) => {
      if (url.pathname === '/big.csv') return void response.end('code;valeur\n' + 'D13;1\n'.repeat(500));
      response.writeHead(404).end();
    });
  });
  afterAll(() => server.close());

  it('is offered by the module as csv-connector/file, built with the module settings', () => {
    const offered = findSource({ modules: [{ id: 'csv-connector', manifest: csvModule, settings: { maxBytes: 2048, timeoutSeconds: 30 } }] } as never, 'csv-connector/file');
    expect(offered?.source.id).toBe('file');
  });

  it('streams each line of a file as a record keyed by its header, cells as written', async () => {
    const records = await all(source.records(source.settingsSchema.parse({ source: path.join(files, 'valeurs.csv') }), context));
    expect(records[0]).toEqual({ code: 'D13', date: '31/03/2026', valeur: '12,5', commentaire: 'premier' });
    expect(records[1]).toMatchObject({ code: 'D84', valeur: '1 200' });
  });

  it('a missing file, a 404 and an answer over the run limit are source errors', async () => {
    await expect(all(source.records(source.settingsSchema.parse({ source: path.join(files, 'nope.csv') }), context))).rejects.toMatchObject({ sourceCode: 'SOURCE_UNREACHABLE' });
    await expect(all(source.records(source.settingsSchema.parse({ source: `${server.url}/missing.csv` }), context))).rejects.toMatchObject({ sourceCode: 'SOURCE_UNREACHABLE', retryable: true });
    await expect(all(source.records(source.settingsSchema.parse({ source: `${server.url}/big.csv` }), context))).rejects.toMatchObject({ sourceCode: 'SOURCE_TOO_LARGE' });
  });
});
