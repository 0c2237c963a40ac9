import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NewMeasure } from '../measures/measure.types';
import { writeMeasures } from '../measures/write-measures';
import { loadReferential } from '../referential/load-referential';
import { createTestContext } from '../testing/test-context';

const fixtures = path.join(__dirname, '../../test/fixtures/referential-small');
const levelOrder = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];
const asOf = '2026-11-28';
const m = (indicatorId: string, territoryCode: string, kind: NewMeasure['kind'], date: string, value: number): NewMeasure => ({ indicatorId, territoryCode, kind, date, value });

interface State { global_rate: number | null; global_target: number | null; global_explanation: { steps?: { ruleId: string; inputs: { territoryCode?: string; value: number | null }[] }[] } }

/** PILOTE's territorial fallbacks in the computation, when a level's `calculation` asks for them. */
describe('regional values reported to départements, national value until territorial targets (règle 544)', () => {
  let context: Awaited<ReturnType<typeof createTestContext>>;
  let dir: string;
  const write = (measures: NewMeasure[]) => context.dataSource.transaction((manager) => writeMeasures(manager, measures, { provenance: 'user', levelOrder, asOf }));
  const state = async (indicatorId: string, code: string) =>
    ((await context.dataSource.query(
      `SELECT global_rate, global_target, global_explanation FROM indicator_state WHERE indicator_id = $1 AND territory_code = $2`,
      [indicatorId, code],
    )) as State[])[0];
  // The fallbacks' steps (the rate's own steps follow them).
  const stepRules = (s: State | undefined) => (s?.global_explanation.steps ?? []).map((step) => step.ruleId).filter((id) => /fallback/.test(id));

  beforeAll(async () => {
    context = await createTestContext();
    dir = mkdtempSync(path.join(os.tmpdir(), 'fallbacks-'));
    cpSync(fixtures, dir, { recursive: true });
    const yaml = readFileSync(path.join(dir, 'indicators.yaml'), 'utf8');
    // I-SUM: entered at the région, its values reported to départements without their own.
    // I-DELAY: the nation's target aggregated from the régions, the one entered nationally until then.
    const edited = yaml
      .replace('    REG: { weight: 1, VI: aggregated, VA: aggregated, VC: aggregated, aggregation: sum }', '    REG: { weight: 1 }')
      .replace('    DEPT: { weight: 1 }', '    DEPT: { weight: 1, calculation: { reportParentValues: true } }')
      .replace('    NAT: { weight: 3, VI: aggregated, VA: aggregated, VC: entered, aggregation: mean }', '    NAT: { weight: 3, VI: aggregated, VA: aggregated, VC: aggregated, aggregation: mean, calculation: { enteredUntilAggregated: true } }');
    expect(edited).not.toBe(yaml);
    writeFileSync(path.join(dir, 'indicators.yaml'), edited);
    const loaded = await loadReferential(context.dataSource, dir, { levels: [...levelOrder, 'CRTE'] });
    expect(loaded.problems).toEqual([]);
  });
  afterAll(async () => {
    await context.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a région\'s values to its départements that have none, kind by kind, and follows the région\'s new values', async () => {
    await write([
      m('I-SUM', 'R93', 'VI', '2024-01-01', 0), m('I-SUM', 'R93', 'VA', '2026-05-31', 40), m('I-SUM', 'R93', 'VC', '2026-12-31', 80),
      m('I-SUM', 'D13', 'VI', '2024-01-01', 0), m('I-SUM', 'D13', 'VA', '2026-05-31', 10), m('I-SUM', 'D13', 'VC', '2026-12-31', 100),
    ]);
    const vaucluse = await state('I-SUM', 'D84');
    expect(vaucluse.global_rate).toBeCloseTo(50); // 40 / 80, the région's
    expect(stepRules(vaucluse)).toEqual(['territorial-fallback.parent-reported', 'territorial-fallback.parent-reported', 'territorial-fallback.parent-reported']);
    expect(vaucluse.global_explanation.steps![1].inputs).toEqual([expect.objectContaining({ territoryCode: 'R93', value: 40 })]);
    const bouches = await state('I-SUM', 'D13');
    expect(bouches.global_rate).toBeCloseTo(10); // its own values
    expect(stepRules(bouches)).not.toContain('territorial-fallback.parent-reported');

    await write([m('I-SUM', 'R93', 'VA', '2026-06-30', 60)]);
    expect((await state('I-SUM', 'D84')).global_rate).toBeCloseTo(75); // a write at the région refreshes the départements it reports to

    await write([m('I-SUM', 'D84', 'VA', '2026-07-31', 20)]);
    const own = await state('I-SUM', 'D84');
    expect(own.global_rate).toBeCloseTo(25); // its own VA, the région's VI and VC: 20 / 80
    expect(stepRules(own)).toEqual(['territorial-fallback.parent-reported', 'territorial-fallback.parent-reported']);
  });

  it('leaves a level without the setting as before: no state where nothing was entered', async () => {
    await write([m('I-DELAY', 'D13', 'VI', '2024-01-01', 30), m('I-DELAY', 'D13', 'VA', '2026-05-31', 20)]);
    expect(await state('I-DELAY', 'D84')).toBeUndefined();
  });

  it('uses the national target entered until the territories have targets, then only their aggregate', async () => {
    await write([m('I-DELAY', 'FRANCE', 'VC', '2027-12-31', 15)]);
    const before = await state('I-DELAY', 'FRANCE');
    expect(before.global_target).toBe(15);
    expect(before.global_rate).toBeCloseTo(((30 - 20) / (30 - 15)) * 100);
    expect(stepRules(before)).toContain('national-fallback.entered');

    await write([m('I-DELAY', 'D13', 'VC', '2026-12-31', 10)]);
    const after = await state('I-DELAY', 'FRANCE');
    // Without the rule, the later target entered nationally (15) would still be the global one.
    expect(after.global_target).toBe(10);
    expect(after.global_rate).toBeCloseTo(50);
    expect(stepRules(after)).toContain('national-fallback.aggregate');
  });
});
