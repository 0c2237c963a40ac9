import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeMeasures } from '../measures/write-measures';
import { createTestContext } from '../testing/test-context';
import { exportReferential } from './export-referential';
import { loadReferential } from './load-referential';
import { formatProblem } from './referential-error';

const fixtures = path.join(__dirname, '../../test/fixtures/referential-small');
const levels = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];
const recompute = { levelOrder: levels, asOf: '2026-11-28' };

/** referential-small with I-DELAY applicable only in the given territories (PILOTE's zone group). */
function referentialWith(applicableIn: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ref-zone-'));
  cpSync(fixtures, dir, { recursive: true });
  const yaml = readFileSync(path.join(dir, 'indicators.yaml'), 'utf8');
  writeFileSync(path.join(dir, 'indicators.yaml'), yaml.replace('  periodicity: quarterly\n', `  periodicity: quarterly\n  applicableIn: ${applicableIn}\n`));
  return dir;
}

describe("an indicator's applicableIn (PILOTE's zone groups)", () => {
  let context: Awaited<ReturnType<typeof createTestContext>>;
  beforeAll(async () => {
    context = await createTestContext();
  });
  afterAll(() => context.dispose());

  it('renormalises the policy weights over the indicators applicable in each territory, and survives export then load', async () => {
    const loaded = await loadReferential(context.dataSource, referentialWith('[D29]'), { levels, recompute });
    expect(loaded.problems).toEqual([]);
    const measures = (territoryCode: string) => [
      { indicatorId: 'I-SUM', territoryCode, kind: 'VI' as const, date: '2022-01-01', value: 10 },
      { indicatorId: 'I-SUM', territoryCode, kind: 'VA' as const, date: '2026-09-30', value: 20 },
      { indicatorId: 'I-SUM', territoryCode, kind: 'VC' as const, date: '2026-12-31', value: 50 },
      { indicatorId: 'I-DELAY', territoryCode, kind: 'VI' as const, date: '2022-01-01', value: 30 },
      { indicatorId: 'I-DELAY', territoryCode, kind: 'VA' as const, date: '2026-09-30', value: 20 },
      { indicatorId: 'I-DELAY', territoryCode, kind: 'VC' as const, date: '2026-12-31', value: 10 },
    ];
    await context.dataSource.transaction((m) => writeMeasures(m, [...measures('D29'), ...measures('D13')], { provenance: 'user', ...recompute }));
    const policy = async (territory: string) =>
      ((await context.dataSource.query(`SELECT global_rate, global_explanation FROM policy_state WHERE policy_id = 'P-1' AND territory_code = $1`, [territory])) as {
        global_rate: number;
        global_explanation: { inputs: { role: string; label: string; indicatorId?: string }[] };
      }[])[0];
    // I-SUM 25 % (weight 1), I-DELAY 50 % (weight 3)
    expect((await policy('D29')).global_rate).toBeCloseTo(43.75, 6);
    const d13 = await policy('D13');
    expect(d13.global_rate).toBeCloseTo(25, 6);
    expect(d13.global_explanation.inputs).toContainEqual(expect.objectContaining({ role: 'excluded', indicatorId: 'I-DELAY', note: 'not-applicable' }));

    const exported = mkdtempSync(path.join(os.tmpdir(), 'ref-zone-export-'));
    await exportReferential(context.dataSource, exported);
    expect(readFileSync(path.join(exported, 'indicators.yaml'), 'utf8')).toMatch(/applicableIn:\n\s*- D29/);
    const again = await loadReferential(context.dataSource, exported, { levels, recompute });
    expect(again.ok).toBe(true);
    expect(again.report?.unchanged.indicators).toBe(2);
    const [row] = (await context.dataSource.query(`SELECT applicable_in FROM indicator WHERE id = 'I-DELAY'`)) as { applicable_in: string[] }[];
    expect(row.applicable_in).toEqual(['D29']);
  });

  it('refuses an unknown territory code, naming the indicator and the code, and writes nothing', async () => {
    const before = (await context.dataSource.query(`SELECT applicable_in FROM indicator WHERE id = 'I-DELAY'`)) as unknown[];
    const result = await loadReferential(context.dataSource, referentialWith('[D29, D999]'), { levels, recompute });
    expect(result.ok).toBe(false);
    expect(result.problems.map(formatProblem)).toEqual([expect.stringMatching(/I-DELAY.*unknown territory "D999"/)]);
    expect(await context.dataSource.query(`SELECT applicable_in FROM indicator WHERE id = 'I-DELAY'`)).toEqual(before);
  });
});
