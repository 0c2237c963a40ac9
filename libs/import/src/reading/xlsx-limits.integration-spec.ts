import { contextWithReferential, fingerprint, importFile, tempFile, type ImportTestContext } from '../../test/support';
import { buildXlsx, hugeSharedStrings, sheetXml } from '../../test/xlsx-builder';
import { translateIssue } from '../report/translate-issue';

const HEADER = ['identifiant_indic', 'zone_id', 'zone_nom', 'date_valeur', 'type_valeur', 'valeur'];
const row = (value: string, date = '31/12/2023') => ['IND-A', 'D29', 'Finistère', date, 'va', value];
const MB = 1024 * 1024;

/** Runs `work` with these environment variables set, restoring them afterwards. */
async function withEnv<T>(vars: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  Object.assign(process.env, vars);
  try {
    return await work();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** Workbooks that are valid but unusual or hostile, and numbers no sum survives: a located report, never a 500. */
describe('XLSX limits and out-of-range numbers', () => {
  let context: ImportTestContext;
  let before: Record<string, string>;
  beforeAll(async () => {
    context = await contextWithReferential();
    before = await fingerprint(context.dataSource);
  });
  afterAll(() => context?.dispose());

  const errorsOf = (report: Awaited<ReturnType<typeof importFile>>) => report.errors.map(({ code, line, column, value, params }) => ({ code, line, column, value, params }));
  const xlsx = (content: Buffer) => tempFile(content, `w-${Math.random().toString(36).slice(2)}.xlsx`);

  it('reports a workbook whose cells have no `r` references (optional in the format) instead of failing', async () => {
    const report = await importFile(context, xlsx(buildXlsx(sheetXml([HEADER, row('12'), row('13', '31/12/2022')], { references: false }))), { dryRun: true });
    expect(report.status).toBe('invalid');
    expect(errorsOf(report)).toEqual([{ code: 'xlsxNoCellReferences', line: 1, column: undefined, value: undefined, params: {} }]);
    expect(translateIssue(report.errors[0], 'fr')).toContain('LibreOffice');
  });

  it('refuses a workbook whose parts unpack past the cap before parsing them, naming the part', async () => {
    const bomb = buildXlsx(sheetXml([HEADER, row('12')]), hugeSharedStrings(40 * MB));
    expect(bomb.length).toBeLessThan(MB);
    const report = await withEnv({ PILOTE_IMPORT_XLSX_MAX_UNPACKED_BYTES: String(16 * MB) }, () => importFile(context, xlsx(bomb)));
    expect(report.status).toBe('invalid');
    expect(errorsOf(report)).toEqual([{ code: 'xlsxTooLarge', line: 0, column: undefined, value: undefined, params: { part: 'xl/sharedStrings.xml', limit: '16 MB' } }]);
    expect(translateIssue(report.errors[0], 'fr')).toContain('xl/sharedStrings.xml');
    expect(await fingerprint(context.dataSource)).toEqual(before);
  });

  it('refuses a workbook with more cells than the cap, at the row where it is crossed', async () => {
    // 6 cells a row: rows 1–10 hold 60 cells, row 11 crosses the cap.
    const rows = [HEADER, ...Array.from({ length: 30 }, (_, i) => row(String(i), `31/12/${2000 + i}`))];
    const report = await withEnv({ PILOTE_IMPORT_XLSX_MAX_CELLS: '60' }, () => importFile(context, xlsx(buildXlsx(sheetXml(rows))), { dryRun: true }));
    expect(report.status).toBe('invalid');
    expect(errorsOf(report)).toEqual([{ code: 'xlsxTooManyCells', line: 11, column: undefined, value: undefined, params: { limit: 60 } }]);
  });

  it.each([
    ['1.7e308', 'csv'],
    ['1e16', 'csv'],
    ['-2e15', 'csv'],
    ['1.7e308', 'xlsx'],
  ])('refuses the value %s (%s) as out of range, with its line and column', async (value, format) => {
    const file =
      format === 'csv'
        ? tempFile([HEADER.join(';'), row('12').join(';'), row(value, '31/12/2022').join(';')].join('\n'))
        : xlsx(buildXlsx(sheetXml([HEADER, row('12'), row(value, '31/12/2022')])));
    const report = await importFile(context, file);
    expect(report.status).toBe('invalid');
    expect(errorsOf(report)).toEqual([expect.objectContaining({ code: 'outOfRange', line: 3, column: 'valeur', value })]);
    expect(translateIssue(report.errors[0], 'en')).toContain('1,000,000,000,000,000');
    expect(await fingerprint(context.dataSource)).toEqual(before);
  });
});
