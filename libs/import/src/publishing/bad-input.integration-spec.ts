import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { VALID_CSV, contextWithReferential, fingerprint, importFile, tempFile, type ImportTestContext } from '../../test/support';
import type { ImportReport } from './import-report.types';
import { translateIssue } from '../report/translate-issue';

const HEADER = 'identifiant_indic;zone_id;zone_nom;date_valeur;type_valeur;valeur';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

/** Every bad file must be refused with a precise report and leave the database as it was. */
describe('bad input', () => {
  let context: ImportTestContext;
  let before: Record<string, string>;

  beforeAll(async () => {
    context = await contextWithReferential();
    await importFile(context, tempFile(VALID_CSV));
    before = await fingerprint(context.dataSource);
  });
  afterAll(async () => {
    await context?.dispose();
  });

  async function refused(file: string): Promise<ImportReport> {
    const report = await importFile(context, file);
    expect(report.status).toBe('invalid');
    expect(report.counts.errors).toBeGreaterThan(0);
    for (const issue of report.errors) {
      expect(translateIssue(issue, 'fr')).not.toBe(issue.code);
      expect(translateIssue(issue, 'en')).not.toBe(issue.code);
    }
    expect(await fingerprint(context.dataSource)).toEqual(before);
    return report;
  }
  const errorsOf = (report: ImportReport) => report.errors.map(({ code, line, column, value }) => ({ code, line, column, value }));

  describe('encoding', () => {
    it('reads a Windows-1252 file (accents decoded, not garbled) and says which encoding it found', async () => {
      const report = await refused(tempFile(Buffer.from(csv('IND-É;D29;Finistère;31/12/2023;va;1'), 'latin1')));
      expect(report.file.encoding).toBe('windows-1252');
      expect(errorsOf(report)).toEqual([{ code: 'badCode', line: 2, column: 'identifiant_indic', value: 'IND-É' }]);
    });

    it('reads UTF-8 with a BOM, and UTF-16 with its BOM', async () => {
      const utf8 = await refused(tempFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv('IND-É;D29;x;31/12/2023;va;1'))])));
      expect(utf8.file).toMatchObject({ encoding: 'utf-8', bom: true });
      expect(utf8.errors[0]).toMatchObject({ line: 2, value: 'IND-É' });
      const utf16 = await refused(tempFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv('IND-É;D29;x;31/12/2023;va;1'), 'utf16le')])));
      expect(utf16.file.encoding).toBe('utf-16le');
      expect(utf16.errors[0]).toMatchObject({ line: 2, value: 'IND-É' });
    });

    it('refuses a file that switches from UTF-8 to another encoding', async () => {
      const text = Buffer.concat([Buffer.from(csv('IND-A;D29;Finistère;31/12/2023;va;1', 'IND-A;D35;x;31/12/2023;va;2')), Buffer.from('\nIND-A;D22;C\xf4tes;31/12/2023;va;3', 'latin1')]);
      const report = await refused(tempFile(text));
      expect(report.errors.map((e) => e.code)).toEqual(['mixedEncoding']);
    });
  });

  describe('separator', () => {
    it('refuses a header with neither ";" nor ","', async () => {
      const report = await refused(tempFile(HEADER.replace(/;/g, '|') + '\nIND-A|D29|x|31/12/2023|va|1'));
      expect(report.errors[0]).toMatchObject({ code: 'separatorNotFound', line: 0 });
    });

    it('names each line whose cells do not split with the header separator', async () => {
      const report = await refused(tempFile(csv('IND-A,D29,x,31/12/2023,va,1', 'IND-A;D35;x;31/12/2023;va;2')));
      expect(errorsOf(report)).toEqual([{ code: 'cellCount', line: 2, column: undefined, value: 'IND-A,D29,x,31/12/2023,va,1' }]);
    });

    it('reads a comma-separated file with quoted decimal commas, but not unquoted ones', async () => {
      const header = HEADER.replace(/;/g, ',');
      const ok = await importFile(context, tempFile(`${header}\nIND-A,D29,x,31/12/2023,va,"15,5"\n`), { dryRun: true });
      expect(ok).toMatchObject({ status: 'dry-run', file: { separator: ',' } });
      const report = await refused(tempFile(`${header}\nIND-A,D29,x,31/12/2023,va,15,5\n`));
      expect(report.errors[0]).toMatchObject({ code: 'cellCount', line: 2, params: { expected: 6, found: 7 } });
    });
  });

  it('refuses unknown indicators and territories, and values at a level where they are not entered', async () => {
    const report = await refused(tempFile(csv(
      'IND-ZZZ;D29;x;31/12/2023;va;1',
      'IND-A;D999;x;31/12/2023;va;1',
      'IND-B;R53;x;31/12/2023;va;1',
      'IND-A;FRANCE;x;31/12/2023;va;1',
    )));
    expect(errorsOf(report)).toEqual([
      { code: 'unknownIndicator', line: 2, column: 'identifiant_indic', value: 'IND-ZZZ' },
      { code: 'unknownTerritory', line: 3, column: 'zone_id', value: 'D999' },
      { code: 'levelNotFollowed', line: 4, column: 'zone_id', value: 'R53' },
      { code: 'kindAggregated', line: 5, column: 'type_valeur', value: 'VA' },
    ]);
    expect(translateIssue(report.errors[0], 'fr')).toBe("L'indicateur « IND-ZZZ » n'existe pas dans le référentiel de l'instance.");
    expect(translateIssue(report.errors[0], 'en')).toBe('Indicator "IND-ZZZ" does not exist in the instance\'s referential.');
  });

  it('refuses impossible and unreadable dates', async () => {
    const report = await refused(tempFile(csv('IND-A;D29;x;31/02/2023;va;1', 'IND-A;D29;x;2023-13-01;va;1', 'IND-A;D29;x;29/02/23;va;1', 'IND-A;D29;x;demain;va;1')));
    expect(errorsOf(report)).toEqual([
      { code: 'impossibleDate', line: 2, column: 'date_valeur', value: '31/02/2023' },
      { code: 'impossibleDate', line: 3, column: 'date_valeur', value: '2023-13-01' },
      { code: 'impossibleDate', line: 4, column: 'date_valeur', value: '29/02/23' },
      { code: 'notADate', line: 5, column: 'date_valeur', value: 'demain' },
    ]);
  });

  it('refuses text in numbers and unknown kinds of value', async () => {
    const report = await refused(tempFile(csv('IND-A;D29;x;31/12/2023;va;12 unités', 'IND-A;D29;x;31/12/2024;va;1.234,5', 'IND-A;D29;x;31/12/2025;vx;3')));
    expect(errorsOf(report)).toEqual([
      { code: 'notANumber', line: 2, column: 'valeur', value: '12 unités' },
      { code: 'ambiguousSeparators', line: 3, column: 'valeur', value: '1.234,5' },
      { code: 'notInList', line: 4, column: 'type_valeur', value: 'vx' },
    ]);
  });

  it('refuses the same indicator, territory, date and kind twice in a file, naming both lines', async () => {
    const report = await refused(tempFile(csv('IND-A;D29;x;31/12/2023;va;1', 'IND-A;D35;x;31/12/2023;va;1', 'IND-A;D29;x;2023-12-31;va;2')));
    expect(report.errors).toEqual([expect.objectContaining({ code: 'duplicate', line: 4, params: expect.objectContaining({ firstLine: 2 }) })]);
  });

  it('never reads a cell starting with = + - @ as a number or a code, keeps it in free text, and reads -5 as minus five', async () => {
    const report = await refused(tempFile(csv(
      'IND-A;D29;x;31/12/2023;va;=1+1',
      'IND-A;D29;x;31/12/2024;va;@SUM(A1)',
      'IND-A;D29;x;31/12/2025;va;+cmd|calc',
      '=HYPERLINK("http://evil");D29;x;31/12/2026;va;1',
      'IND-A;D29;=cmd|calc;31/12/2027;va;-5',
    )));
    expect(errorsOf(report)).toEqual([
      { code: 'formulaInNumber', line: 2, column: 'valeur', value: '=1+1' },
      { code: 'formulaInNumber', line: 3, column: 'valeur', value: '@SUM(A1)' },
      { code: 'formulaInNumber', line: 4, column: 'valeur', value: '+cmd|calc' },
      { code: 'formulaInCode', line: 5, column: 'identifiant_indic', value: '=HYPERLINK("http://evil")' },
    ]);
    const ok = await importFile(context, tempFile(csv('IND-A;D29;=cmd|calc;31/12/2027;va;-5')), { dryRun: true });
    expect(ok.status).toBe('dry-run');
    expect(ok.counts.values).toBe(1);
  });

  it('skips an empty value with a warning instead of reading it as zero', async () => {
    const report = await importFile(context, tempFile(csv('IND-A;D29;x;31/12/2023;va;', 'IND-A;D29;x;31/12/2024;va;0')), { dryRun: true });
    expect(report.status).toBe('dry-run');
    expect(report.warnings).toEqual([expect.objectContaining({ code: 'emptyValue', line: 2, column: 'valeur' })]);
    expect(report.counts).toMatchObject({ values: 1, wouldWrite: 1 });
  });

  describe('not a CSV or XLSX at all', () => {
    const cases: [string, Buffer, string][] = [
      ['a PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n', 'latin1'), 'notATable.pdf'],
      ['binary data', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 'notATable.binary'],
      ['a ZIP without a workbook', zipWith('notes.txt', 'hello'), 'notATable.zip'],
      ['an Excel 97 .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'notATable.xls'],
      ['an empty file', Buffer.alloc(0), 'notATable.empty'],
      ['a PNG image renamed .csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'notATable.image'],
    ];
    it.each(cases)('refuses %s with one clear error', async (_, content, code) => {
      const report = await refused(tempFile(content, `not-a-table-${code}.csv`));
      expect(report.errors).toEqual([expect.objectContaining({ code, line: 0 })]);
    });
  });

  it('streams a 50 MB file and reports the one bad line at its end, writing nothing', async () => {
    const file = path.join(path.dirname(tempFile('')), 'large.csv');
    const out = createWriteStream(file);
    out.write(`${HEADER}\n`);
    const departments = ['D29', 'D35', 'D22', 'D56'];
    const kinds = ['vi', 'va', 'vc'];
    let lines = 1;
    let bytes = 0;
    const padding = 'x'.repeat(180); // a long zone_nom: 50 MB with fewer rows, same bytes to read
    for (let i = 0; bytes < 50 * 1024 * 1024; i += 1) {
      const day = new Date(Date.UTC(1960, 0, 1) + Math.floor(i / 12) * 86_400_000).toISOString().slice(0, 10);
      const row = `IND-A;${departments[i % 4]};${padding};${day};${kinds[Math.floor(i / 4) % 3]};${i % 1000},5\n`;
      bytes += row.length;
      lines += 1;
      if (!out.write(row)) await once(out, 'drain');
    }
    out.end(`IND-A;D29;x;31/12/2099;va;beaucoup\n`);
    await once(out, 'finish');
    lines += 1;
    const report = await refused(file);
    expect(report.file.bytes).toBeGreaterThan(50 * 1024 * 1024);
    expect(report.counts.rows).toBe(lines - 1);
    expect(errorsOf(report)).toEqual([{ code: 'notANumber', line: lines, column: 'valeur', value: 'beaucoup' }]);
  });
});

/** A one-entry ZIP (stored with deflate), enough to look like an archive. */
function zipWith(name: string, content: string): Buffer {
  const data = deflateRawSync(Buffer.from(content));
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(30 + nameBytes.length + data.length, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}
