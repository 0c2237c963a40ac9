import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, contextWithReferential, currentValues, importFile, type ImportTestContext } from '../../test/support';
import { loadMapping } from './load-mapping';

const BAROMETRE = path.join(__dirname, '../../../engine/test/fixtures/barometre');
const FILES = ['ind-046.csv', 'ind-202.csv', 'ind-212.csv', 'ind-217.csv', 'ind-270.csv'];

/** Real public files of the baromètre, through the shipped column mapping (wide layout). */
describe('baromètre mapping on the real files', () => {
  let context: ImportTestContext;

  beforeAll(async () => {
    context = await contextWithReferential(path.join(FIXTURES, 'barometre-referential'));
  });
  afterAll(async () => {
    await context?.dispose();
  });

  it.each(FILES)('imports %s: every non-empty VI/VA/VC cell becomes one value', async (name) => {
    const file = path.join(BAROMETRE, name);
    const report = await importFile(context, file, { mapping: loadMapping('barometre') });
    expect(report.errors).toEqual([]);
    expect(report.mapping).toBe('barometre');
    const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    const expected = lines.flatMap(([indicator, zone, date, , vi, va, vc]) =>
      ([['VI', vi], ['VA', va], ['VC', vc]] as const).filter(([, value]) => value !== '').map(([kind, value]) => `${indicator}|${zone}|${kind}|${date}|${Number(value)}`),
    );
    expect(report.counts.values).toBe(expected.length);
    expect(report.warnings.filter((w) => w.code === 'noValue').length).toBe(lines.filter((cells) => cells.slice(4, 7).every((v) => v === '')).length);
    const stored = new Set((await currentValues(context.dataSource)).filter((v) => v.startsWith(`${lines[0][0]}|`)));
    expect(stored).toEqual(new Set(expected));
    expect(report.preview?.indicators.changed).toBeGreaterThan(0);
  });

  it('is picked automatically from the header, without --mapping', async () => {
    const report = await importFile(context, path.join(BAROMETRE, 'ind-217.csv'), { dryRun: true });
    expect(report).toMatchObject({ mapping: 'barometre', status: 'dry-run', errors: [] });
  });

  it('computes the national rate of IND-217 from the file (rising, VI 804 000 = VA, target 1 334 000 → 0 %)', async () => {
    const [row] = (await context.dataSource.query(`SELECT global_rate FROM indicator_state WHERE indicator_id = 'IND-217' AND territory_code = 'FRANCE'`)) as { global_rate: number }[];
    expect(Number(row.global_rate)).toBe(0);
  });
});
