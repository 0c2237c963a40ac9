import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { IMMUTABLE } from './asset-headers';
import { serveWebApp } from './serve-web-app';

const SCRIPT = 'console.log("PILOTE");\n'.repeat(300);
const INDEX = '<!doctype html>\n<html lang="fr">\n  <head><title>…</title></head>\n  <body><div id="root"></div></body>\n</html>\n';

describe('serveWebApp', () => {
  let dist: string;
  let app: express.Express;
  beforeAll(() => {
    dist = mkdtempSync(path.join(tmpdir(), 'web-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), INDEX);
    writeFileSync(path.join(dist, 'assets/index-B7x9Qk2L.js'), SCRIPT);
    writeFileSync(path.join(dist, 'assets/index-B7x9Qk2L.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(path.join(dist, 'assets/index-B7x9Qk2L.js.gz'), gzipSync(SCRIPT));
    writeFileSync(path.join(dist, 'assets/HomePage-C1d2E3f4.js'), SCRIPT);
    writeFileSync(path.join(dist, 'assets/PolicyTable-A9b8C7d6.js'), SCRIPT);
    writeFileSync(path.join(dist, 'robots.txt'), 'User-agent: *\n');
    mkdirSync(path.join(dist, '.vite'));
    writeFileSync(
      path.join(dist, '.vite/manifest.json'),
      JSON.stringify({
        'index.html': { file: 'assets/index-B7x9Qk2L.js', isEntry: true, dynamicImports: ['src/pages/HomePage.tsx'] },
        'src/pages/HomePage.tsx': { file: 'assets/HomePage-C1d2E3f4.js', isDynamicEntry: true, imports: ['index.html', '_PolicyTable-A9b8C7d6.js'] },
        '_PolicyTable-A9b8C7d6.js': { file: 'assets/PolicyTable-A9b8C7d6.js', imports: ['index.html'] },
      }),
    );
    app = express();
    serveWebApp(app, dist, { title: 'Baromètre <Ain> & co', lang: 'en', themeColor: '#1f4e8c' });
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('sends the brotli copy of a hashed asset to a browser that accepts it, cached for a year', async () => {
    const response = await request(app).get('/assets/index-B7x9Qk2L.js').set('Accept-Encoding', 'gzip, deflate, br');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(response.headers['cache-control']).toBe(IMMUTABLE);
    expect(response.headers.vary).toMatch(/Accept-Encoding/i);
    // The bytes sent are the build's brotli file (supertest decodes them for us).
    expect(Number(response.headers['content-length'])).toBe(brotliCompressSync(SCRIPT).length);
    expect(response.text).toBe(SCRIPT);
  });

  it('sends gzip when brotli is not accepted, and the plain file when nothing is', async () => {
    const gzip = await request(app).get('/assets/index-B7x9Qk2L.js').set('Accept-Encoding', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.text).toBe(SCRIPT); // supertest gunzips
    const plain = await request(app).get('/assets/index-B7x9Qk2L.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('revalidates files without a content hash', async () => {
    const response = await request(app).get('/robots.txt');
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('answers client-side routes with index.html carrying the instance title and language, never cached', async () => {
    const response = await request(app).get('/territoires/D01');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.text).toContain('<title>Baromètre &#60;Ain&#62; &#38; co</title>');
    expect(response.text).toContain('<html lang="en"');
    expect(response.text).toContain('<meta name="theme-color" content="#1f4e8c" />');
    // Only the home page announces the home chunks.
    expect(response.text).not.toContain('HomePage-C1d2E3f4.js');
  });

  it('announces the home page and the chunks it imports at /, so they load beside the entry script', async () => {
    const response = await request(app).get('/');
    expect(response.text).toContain('<link rel="modulepreload" crossorigin href="/assets/HomePage-C1d2E3f4.js">');
    expect(response.text).toContain('<link rel="modulepreload" crossorigin href="/assets/PolicyTable-A9b8C7d6.js">');
    expect(response.text).not.toContain('href="/assets/index-B7x9Qk2L.js"');
    expect(response.text.indexOf('modulepreload')).toBeLessThan(response.text.indexOf('</head>'));
  });

  it('answers /index.html with the rendered page, never the built file with its placeholder title', async () => {
    const response = await request(app).get('/index.html');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.text).toContain('<title>Baromètre &#60;Ain&#62; &#38; co</title>');
    expect(response.text).not.toContain('<title>…</title>');
  });

  it('never serves the build manifest', async () => {
    expect((await request(app).get('/.vite/manifest.json')).status).not.toBe(200);
  });

  it('never serves a file outside the build folder', async () => {
    const response = await request(app).get('/assets/..%2f..%2fetc%2fpasswd').set('Accept-Encoding', 'br');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.status).not.toBe(200);
  });
});
