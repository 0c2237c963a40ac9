import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { countPdfPages } from './fiche-renderer';
import { storeZip } from './store-zip';

const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('storeZip', () => {
  // Info-ZIP's unzip is the reader checked against (installed on the kit's machines; skipped elsewhere).
  (hasUnzip ? it : it.skip)('writes a zip that unzip reads back byte for byte', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'store-zip-'));
    try {
      const files = [
        { name: 'fiche-P-1-D13.pdf', data: Buffer.from('%PDF-1.4 first') },
        { name: 'fiche-P-1-D2A.pdf', data: Buffer.alloc(70_000, 7) },
      ];
      writeFileSync(path.join(dir, 'fiches.zip'), storeZip(files));
      execFileSync('unzip', ['-q', '-t', 'fiches.zip'], { cwd: dir }); // CRCs and sizes checked
      execFileSync('unzip', ['-q', 'fiches.zip', '-d', 'out'], { cwd: dir });
      for (const file of files) expect(readFileSync(path.join(dir, 'out', file.name))).toEqual(file.data);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes an empty archive when a batch has no fiche yet', () => {
    expect(storeZip([]).readUInt32LE(0)).toBe(0x06054b50);
  });
});

describe('countPdfPages', () => {
  it('counts page objects, not the page tree', () => {
    const pdf = Buffer.from('1 0 obj <</Type /Pages /Kids [2 0 R 3 0 R]>> 2 0 obj <</Type /Page>> 3 0 obj <</Type/Page /Parent 1 0 R>>');
    expect(countPdfPages(pdf)).toBe(2);
  });
});
