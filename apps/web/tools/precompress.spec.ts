/** @jest-environment node */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompress } from './precompress';

describe('precompress (vite plugin)', () => {
  let dist: string;
  beforeEach(() => {
    dist = mkdtempSync(path.join(tmpdir(), 'precompress-'));
    mkdirSync(path.join(dist, 'assets'));
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  function runPlugin() {
    const plugin = precompress() as unknown as { configResolved(config: unknown): void; closeBundle(): void };
    plugin.configResolved({ root: dist, build: { outDir: '.' } });
    plugin.closeBundle();
  }

  it('writes brotli and gzip copies of text assets that decompress to the original', () => {
    const script = 'export const answer = 42;\n'.repeat(200);
    writeFileSync(path.join(dist, 'assets/main-AbCd1234.js'), script);
    runPlugin();
    expect(brotliDecompressSync(readFileSync(path.join(dist, 'assets/main-AbCd1234.js.br'))).toString()).toBe(script);
    expect(gunzipSync(readFileSync(path.join(dist, 'assets/main-AbCd1234.js.gz'))).toString()).toBe(script);
  });

  it('leaves small files, binary formats and index.html alone (the server fills in the html)', () => {
    writeFileSync(path.join(dist, 'assets/tiny-AbCd1234.js'), 'export {};');
    writeFileSync(path.join(dist, 'assets/logo-AbCd1234.png'), Buffer.alloc(4096, 1));
    writeFileSync(path.join(dist, 'index.html'), '<html>'.repeat(500));
    runPlugin();
    expect(existsSync(path.join(dist, 'assets/tiny-AbCd1234.js.br'))).toBe(false);
    expect(existsSync(path.join(dist, 'assets/logo-AbCd1234.png.br'))).toBe(false);
    expect(existsSync(path.join(dist, 'index.html.br'))).toBe(false);
  });
});
