import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeMeasures } from '../measures/write-measures';
import { createTestContext } from '../testing/test-context';
import { exportReferential } from './export-referential';
import { loadReferential } from './load-referential';

const fixtures = path.join(__dirname, '../../test/fixtures/referential-small');
const levels = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];
const recompute = { levelOrder: levels, asOf: '2023-08-31' };

// IND-736's D02 in PILOTE's baromètre (November 2023): the rate of the sum of the year's values.
const I_SUM_DEPT = 'DEPT: { weight: 1, calculation: { globalComparable: { operation: sum, window: year-start } } }';

describe("PILOTE's calculation parameters in the referential", () => {
  let context: Awaited<ReturnType<typeof createTestContext>>;
  beforeAll(async () => {
    context = await createTestContext();
  });
  afterAll(() => context.dispose());

  it('are stored, reach the engine, and survive export then load unchanged', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ref-calc-'));
    cpSync(fixtures, dir, { recursive: true });
    const yaml = readFileSync(path.join(dir, 'indicators.yaml'), 'utf8');
    // I-SUM declares the comparable value in the kit's words; I-DELAY its direction and VACG in PILOTE v2's
    writeFileSync(
      path.join(dir, 'indicators.yaml'),
      yaml
        .replace('    DEPT: { weight: 1 }', `    ${I_SUM_DEPT}`)
        .replace('  direction: falling\n', '  tendance: BAISSE\n  param_vacg_op: moy\n  param_vacg_partition_date: from_previous_month::12\n'),
    );
    const loaded = await loadReferential(context.dataSource, dir, { levels, recompute });
    expect(loaded.problems).toEqual([]);

    const [delay] = (await context.dataSource.query(`SELECT direction, level_settings FROM indicator WHERE id = 'I-DELAY'`)) as { direction: string; level_settings: Record<string, { calculation?: unknown }> }[];
    expect(delay.direction).toBe('falling');
    expect(delay.level_settings.DEPT.calculation).toEqual({ globalComparable: { operation: 'mean', window: 'last-12-months' } });

    await context.dataSource.transaction((m) =>
      writeMeasures(
        m,
        [
          { indicatorId: 'I-SUM', territoryCode: 'D02', kind: 'VI', date: '2022-12-31', value: 17946 },
          { indicatorId: 'I-SUM', territoryCode: 'D02', kind: 'VA', date: '2023-06-30', value: 17062 },
          { indicatorId: 'I-SUM', territoryCode: 'D02', kind: 'VA', date: '2023-07-31', value: 17318 },
          { indicatorId: 'I-SUM', territoryCode: 'D02', kind: 'VA', date: '2023-08-31', value: 17639 },
          { indicatorId: 'I-SUM', territoryCode: 'D02', kind: 'VC', date: '2026-12-31', value: 72000 },
        ],
        { provenance: 'user', ...recompute },
      ),
    );
    const [state] = (await context.dataSource.query(`SELECT global_rate, global_explanation FROM indicator_state WHERE indicator_id = 'I-SUM' AND territory_code = 'D02'`)) as {
      global_rate: number;
      global_explanation: { steps: { formula: string }[] };
    }[];
    expect(state.global_rate).toBeCloseTo(63.035, 3);
    expect(state.global_explanation.steps[0].formula).toBe('sum of 3 values since 1 January: 17 062 + 17 318 + 17 639 = 52 019');

    const exported = mkdtempSync(path.join(os.tmpdir(), 'ref-calc-export-'));
    await exportReferential(context.dataSource, exported);
    expect(readFileSync(path.join(exported, 'indicators.yaml'), 'utf8')).toContain('operation: sum');
    const again = await loadReferential(context.dataSource, exported, { levels });
    expect(again.ok).toBe(true);
    expect(again.report?.updated.indicators).toBe(0);
    expect(again.report?.unchanged.indicators).toBe(2);
  });
});
