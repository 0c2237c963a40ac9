import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { VALID_CSV, contextWithReferential, currentValues, importFile, rates, tempFile, type ImportTestContext } from '../../test/support';
import { exportMeasuresToFile } from './export-measures';

describe('export and XLSX', () => {
  let first: ImportTestContext;
  let second: ImportTestContext;

  beforeAll(async () => {
    [first, second] = await Promise.all([contextWithReferential(), contextWithReferential()]);
  });
  afterAll(async () => {
    await Promise.all([first?.dispose(), second?.dispose()]);
  });

  it('import(export(x)) = x: same values, same rates, and the export of the copy is byte for byte the same', async () => {
    const source = VALID_CSV + '\r\nIND-B;D29;=cmd|calc;2023-12-31;va;-0,125\r\nIND-B;D29;Finistère;2022-12-31;vi;1e-7\r\nIND-A;D29;Finistère;2024-03-31;vc_intermediaire;21';
    expect((await importFile(first, tempFile(source))).status).toBe('published');
    const exported = tempFile('', 'export-1.csv');
    const { rows } = await exportMeasuresToFile(first.dataSource, exported);
    expect(rows).toBe(13);
    const text = readFileSync(exported, 'utf8');
    expect(text.startsWith('\uFEFFidentifiant_indic;zone_id;zone_nom;date_valeur;type_valeur;valeur\r\n')).toBe(true);
    expect(text).toContain('IND-A;D29;Finistère;2023-12-31;va;15,5\r\n');
    expect(text).toContain('IND-A;D29;Finistère;2024-03-31;vc_intermediaire;21\r\n');

    const reimport = await importFile(second, exported);
    expect(reimport.errors).toEqual([]);
    expect(await currentValues(second.dataSource)).toEqual(await currentValues(first.dataSource));
    expect(await rates(second.dataSource)).toEqual(await rates(first.dataSource));
    const again = tempFile('', 'export-2.csv');
    await exportMeasuresToFile(second.dataSource, again);
    expect(readFileSync(again, 'utf8')).toBe(text);
  });

  it('neutralises names that a spreadsheet would run as formulas', async () => {
    await first.dataSource.query(`UPDATE territory SET name = '=HYPERLINK("http://x")' WHERE code = 'D35'`);
    const exported = tempFile('', 'export-3.csv');
    await exportMeasuresToFile(first.dataSource, exported, { indicatorIds: ['IND-A'], territoryCodes: ['D35'] });
    const lines = readFileSync(exported, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines).toContain(`IND-A;D35;"'=HYPERLINK(""http://x"")";2022-12-31;vi;20`);
    expect((await importFile(first, exported, { dryRun: true })).errors).toEqual([]);
  });

  it('reads an XLSX workbook: text, numbers, real dates and formula results', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Valeurs');
    sheet.addRow(['identifiant_indic', 'zone_id', 'zone_nom', 'date_valeur', 'type_valeur', 'valeur']);
    sheet.addRow(['IND-A', 'D22', "Côtes-d'Armor", new Date(Date.UTC(2022, 11, 31)), 'vi', 5]);
    sheet.addRow(['IND-A', 'D22', "Côtes-d'Armor", '31/12/2023', 'va', { formula: '4+4', result: 8 }]);
    sheet.addRow(['IND-A', 'D22', "Côtes-d'Armor", new Date(Date.UTC(2025, 11, 31)), 'VC', 13.25]);
    sheet.addRow(['IND-A', 'D56', 'Morbihan', '30/02/2023', 'va', 'douze']);
    const file = tempFile('', 'values.xlsx');
    await workbook.xlsx.writeFile(file);

    const bad = await importFile(first, file);
    expect(bad.file.format).toBe('xlsx');
    expect(bad.errors.map(({ code, line, column }) => ({ code, line, column }))).toEqual([
      { code: 'impossibleDate', line: 5, column: 'date_valeur' },
      { code: 'notANumber', line: 5, column: 'valeur' },
    ]);
    sheet.spliceRows(5, 1);
    await workbook.xlsx.writeFile(file);
    const report = await importFile(first, file);
    expect(report).toMatchObject({ status: 'published', counts: { written: 3 } });
    const values = await currentValues(first.dataSource);
    expect(values).toEqual(expect.arrayContaining(['IND-A|D22|VI|2022-12-31|5', 'IND-A|D22|VA|2023-12-31|8', 'IND-A|D22|VC|2025-12-31|13.25']));
  });
});
