import path from 'node:path';
import { computationLevelOrder } from '../config/instance-config.schema';
import { writeMeasures } from '../measures/write-measures';
import type { NewMeasure } from '../measures/measure.types';
import { loadReferential } from '../referential/load-referential';
import { createTestContext } from '../testing/test-context';
import { testInstance } from '../testing/test-instance';
import { findExplanation } from './explanation.service';

const instance = testInstance();
const levelOrder = computationLevelOrder(instance.config);
const asOf = '2026-06-30';

/** Every number of a policy page opens an explanation: not only the rates and the aggregated current value (issue 20). */
describe('explanations of an indicator’s initial value, targets and current value', () => {
  it('say how each was obtained: aggregated from the territories below (each linking to its own), or entered', async () => {
    const context = await createTestContext({ instance });
    try {
      const db = context.dataSource.manager;
      expect((await loadReferential(context.dataSource, path.join(__dirname, '../../test/fixtures/referential-small'), { levels: instance.config.territoryLevels.map((l) => l.id) })).ok).toBe(true);
      const dept = (code: string, vi: number, va: number, vc: number): NewMeasure[] => [
        { indicatorId: 'I-SUM', territoryCode: code, date: '2024-01-01', kind: 'VI', value: vi },
        { indicatorId: 'I-SUM', territoryCode: code, date: '2026-05-31', kind: 'VA', value: va },
        { indicatorId: 'I-SUM', territoryCode: code, date: '2026-12-31', kind: 'VC', value: vc },
      ];
      await context.dataSource.transaction((m) => writeMeasures(m, [...dept('D13', 10, 20, 40), ...dept('D83', 5, 10, 60)], { provenance: 'import', levelOrder, asOf }));

      const initial = await findExplanation(db, 'indicator:I-SUM:R93:initial', { asOf });
      expect(initial).toMatchObject({ ruleId: 'aggregate.sum', value: 15, unit: 'amount', formulaKey: 'sum' });
      expect(initial!.inputs.map((i) => [i.territoryCode, i.value, i.ref])).toEqual([
        ['D13', 10, 'indicator:I-SUM:D13:initial'],
        ['D83', 5, 'indicator:I-SUM:D83:initial'],
      ]);
      const entered = await findExplanation(db, 'indicator:I-SUM:D13:initial', { asOf });
      expect(entered).toMatchObject({ ruleId: 'value.entered', value: 10, formulaKey: 'entered-value' });
      expect(entered!.inputs[0]).toMatchObject({ value: 10, date: '2024-01-01', provenance: 'import' });
      expect((await findExplanation(db, 'indicator:I-SUM:R93:global-target', { asOf }))?.value).toBe(100);
      // An entered current value opens too (before, only an aggregated one had an explanation).
      expect((await findExplanation(db, 'indicator:I-SUM:D83:current', { asOf }))).toMatchObject({ ruleId: 'value.entered', value: 10 });

      // The rate's own inputs link to them.
      const rate = await findExplanation(db, 'indicator:I-SUM:R93:annual', { asOf });
      expect(Object.fromEntries(rate!.inputs.map((i) => [i.role, i.ref]))).toEqual({
        initial: 'indicator:I-SUM:R93:initial', current: 'indicator:I-SUM:R93:current', target: 'indicator:I-SUM:R93:annual-target',
      });
    } finally {
      await context.dispose();
    }
  });
});
