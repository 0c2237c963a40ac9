import { request as httpRequest } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { startTestKit, type TestKit } from '../src/testing';

/** Raw bytes and headers: fetch would decode the body and hide what crossed the wire. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('answers compressed above a size', () => {
  let kit: TestKit;
  beforeAll(async () => {
    kit = await startTestKit();
  });
  afterAll(() => kit.close());

  it('compresses a large REST answer with brotli when the client accepts it', async () => {
    const { headers, body } = await rawGet(`${kit.url}/api/v1/openapi.json`, { 'accept-encoding': 'gzip, br' });
    expect(headers['content-encoding']).toBe('br');
    const json = JSON.parse(brotliDecompressSync(body).toString()) as { openapi: string };
    expect(json.openapi).toBeDefined();
    expect(body.length).toBeLessThan(brotliDecompressSync(body).length / 2);
  });

  it('sends a large answer uncompressed to a client that does not accept any encoding', async () => {
    const { headers, body } = await rawGet(`${kit.url}/api/v1/openapi.json`, { 'accept-encoding': 'identity' });
    expect(headers['content-encoding']).toBeUndefined();
    expect(() => JSON.parse(body.toString()) as unknown).not.toThrow();
  });

  it('compresses a large GraphQL answer and leaves a small one alone', async () => {
    const post = async (query: string) =>
      fetch(`${kit.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' }, body: JSON.stringify({ query }) });
    const small = await post('{ __typename }');
    expect(small.headers.get('content-encoding')).toBeNull();
    const large = await post('{ __schema { types { name description fields { name description } } } }');
    expect(large.headers.get('content-encoding')).toBe('gzip');
    expect(((await large.json()) as { data?: unknown }).data).toBeDefined();
  });
});
