import path from 'node:path';
import { loadReferential } from '../referential/load-referential';
import { appendMeasures, writeMeasures } from '../measures/write-measures';
import type { NewMeasure } from '../measures/measure.types';
import { createTestContext } from '../testing/test-context';
import { computationLevelOrder } from '../config/instance-config.schema';
import { testInstance } from '../testing/test-instance';
import { computeAllFromMemory } from './recompute-all';

const referential = path.join(__dirname, '../../test/fixtures/referential-perimeter');
const instance = testInstance({
  territoryLevels: [
    { id: 'NAT', label: 'National' }, { id: 'REG', label: 'Région' }, { id: 'DEPT', label: 'Département' },
    { id: 'EPCI', label: 'EPCI' }, { id: 'COM', label: 'Commune' }, { id: 'CRTE', label: 'CRTE', perimeter: true },
  ],
});
const levelOrder = computationLevelOrder(instance.config);
const levels = instance.config.territoryLevels.map((l) => l.id);
const asOf = '2026-06-30';
const values: NewMeasure[] = [
  // CC Faucigny - Glières (74) and CC du Pays de Pontchâteau (44): both in the contract.
  { indicatorId: 'I-EPCI', territoryCode: 'E200000172', kind: 'VI', date: '2022-12-31', value: 10 },
  { indicatorId: 'I-EPCI', territoryCode: 'E200000172', kind: 'VA', date: '2025-12-31', value: 20 },
  { indicatorId: 'I-EPCI', territoryCode: 'E200000172', kind: 'VC', date: '2026-12-31', value: 30 },
  { indicatorId: 'I-EPCI', territoryCode: 'E200000438', kind: 'VI', date: '2022-12-31', value: 0 },
  { indicatorId: 'I-EPCI', territoryCode: 'E200000438', kind: 'VA', date: '2025-12-31', value: 5 },
  { indicatorId: 'I-EPCI', territoryCode: 'E200000438', kind: 'VC', date: '2026-12-31', value: 10 },
  // CC des Portes de Romilly sur Seine (10): outside the contract.
  { indicatorId: 'I-EPCI', territoryCode: 'E200000545', kind: 'VA', date: '2025-12-31', value: 100 },
];

const state = async (context: { dataSource: { query(sql: string, params: unknown[]): Promise<unknown> } }, code: string) =>
  ((await context.dataSource.query(`SELECT current_value, global_rate FROM indicator_state WHERE indicator_id = 'I-EPCI' AND territory_code = $1`, [code])) as {
    current_value: number; global_rate: number | null;
  }[])[0];

describe('custom perimeters (CRTE contracts)', () => {
  it('aggregate their members, and are never counted twice in the nation', async () => {
    const incremental = await createTestContext({ instance });
    const bulk = await createTestContext({ instance });
    try {
      for (const context of [incremental, bulk]) expect((await loadReferential(context.dataSource, referential, { levels })).ok).toBe(true);
      await incremental.dataSource.transaction((m) => writeMeasures(m, values, { provenance: 'import', levelOrder, asOf }));
      await bulk.dataSource.transaction(async (m) => {
        await appendMeasures(m, values, { provenance: 'import' });
        await computeAllFromMemory(m, values, { levelOrder, asOf, provenance: 'import' });
      });
      for (const context of [incremental, bulk]) {
        const contract = await state(context, 'CRTE-TEST');
        expect(contract.current_value).toBe(25);
        expect(contract.global_rate).toBeCloseTo(50); // 100 × (25 − 10) / (40 − 10)
        expect((await state(context, 'FRANCE')).current_value).toBe(125);
      }
    } finally {
      await incremental.dispose();
      await bulk.dispose();
    }
  });
});
