import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { testInstance } from '@pilote/core/testing';
import { startTestKit, type TestKit } from '../src/testing';

/** Raw bytes and headers: fetch would decode the body and hide what crossed the wire. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status?: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

/** A web build as vite and the precompress step leave it: hashed entry with .br/.gz copies, index.html with its placeholder title. */
function writeWebBuild(dist: string, script: string): void {
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html>\n<html lang="fr">\n<head><title>…</title><script type="module" crossorigin src="/assets/index-Q1w2E3r4.js"></script></head>\n<body><div id="root"></div></body>\n</html>\n',
  );
  writeFileSync(path.join(dist, 'assets/index-Q1w2E3r4.js'), script);
  writeFileSync(path.join(dist, 'assets/index-Q1w2E3r4.js.br'), brotliCompressSync(script));
  writeFileSync(path.join(dist, 'assets/index-Q1w2E3r4.js.gz'), gzipSync(script));
}

describe('answers compressed above a size', () => {
  const script = 'export const label = "tableau de bord";\n'.repeat(500);
  let kit: TestKit;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'pilote-web-build-'));
    writeWebBuild(dist, script);
    kit = await startTestKit({ webDist: dist, instance: testInstance({ name: { fr: 'Baromètre des Hauts-de-Gironde', en: 'Hauts-de-Gironde dashboard' }, theme: { extends: 'neutral', tokens: { colors: { primary: '#004b87' } } } }) });
  });
  afterAll(async () => {
    await kit.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends a hashed asset as the build compressed it, cached for a year', async () => {
    const { status, headers, body } = await rawGet(`${kit.url}/assets/index-Q1w2E3r4.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(status).toBe(200);
    expect(headers['content-encoding']).toBe('br');
    expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headers.vary).toMatch(/Accept-Encoding/i);
    expect(headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(body).toString()).toBe(script);
    expect(body.length).toBeLessThan(script.length / 10);
  });

  it('sends the page with the instance title and colour, compressed and revalidated on every visit', async () => {
    for (const route of ['/', '/territories/D33']) {
      const { status, headers, body } = await rawGet(`${kit.url}${route}`, { 'accept-encoding': 'br' });
      expect(status).toBe(200);
      expect(headers['cache-control']).toBe('no-cache');
      const html = headers['content-encoding'] === 'br' ? brotliDecompressSync(body).toString() : body.toString();
      expect(html).toContain('<title>Baromètre des Hauts-de-Gironde</title>');
      expect(html).not.toContain('<title>…</title>');
      expect(html).toContain('<meta name="theme-color" content="#004b87" />');
    }
  });

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
