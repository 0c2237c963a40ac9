import path from 'node:path';
import { loadReferential } from '../referential/load-referential';
import { appendMeasures, writeMeasures } from '../measures/write-measures';
import { createTestContext } from '../testing/test-context';
import { generateDemoMeasures } from '../seed/demo';
import { computeAllFromMemory } from './recompute-all';
import { readIndicatorMeta } from './indicator-meta-reader';

const referential = path.join(__dirname, '../../../../examples/demo/data/referential');
const levelOrder = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];
const asOf = '2026-06-30';

/** The seed's in-memory path must give exactly what incremental writes give. */
describe('full computation from memory', () => {
  it('produces the same states as incremental writes, value for value', async () => {
    const incremental = await createTestContext();
    const bulk = await createTestContext();
    try {
      for (const context of [incremental, bulk]) {
        const loaded = await loadReferential(context.dataSource, referential, { levels: [...levelOrder, 'CRTE'] });
        expect(loaded.ok).toBe(true);
      }
      const indicators = (await readIndicatorMeta(incremental.dataSource.manager)).slice(0, 12);
      const territories = (await incremental.dataSource.query(`SELECT code, level, parent_code AS "parentCode", population FROM territory WHERE level IN ('NAT','REG','DEPT')`)) as never[];
      const measures = generateDemoMeasures({
        indicators: indicators.map((i) => ({ ...i, periodicity: i.periodicity as 'monthly' })),
        territories,
        seed: 7,
        from: '2022-01-01',
        until: asOf,
      });
      expect(measures.length).toBeGreaterThan(1000);

      await incremental.dataSource.transaction((m) => writeMeasures(m, measures, { provenance: 'seed', levelOrder, asOf }));
      await bulk.dataSource.transaction(async (m) => {
        await appendMeasures(m, measures, { provenance: 'seed' });
        await computeAllFromMemory(m, measures, { levelOrder, asOf, provenance: 'seed' });
      });

      const states = `SELECT indicator_id, territory_code, round(global_rate::numeric, 9) AS g, round(annual_rate::numeric, 9) AS a,
        round(current_value::numeric, 6) AS v, current_value_date AS d, global_explanation->>'formula' AS f
        FROM indicator_state ORDER BY 1, 2`;
      const policies = `SELECT policy_id, territory_code, round(global_rate::numeric, 9) AS g, round(annual_rate::numeric, 9) AS a FROM policy_state ORDER BY 1, 2`;
      const derived = `SELECT indicator_id, territory_code, kind, date, round(value::numeric, 6) AS v FROM derived_measure ORDER BY 1, 2, 3, 4`;
      const a = await incremental.dataSource.query(states);
      expect(a.length).toBeGreaterThan(100);
      expect(await bulk.dataSource.query(states)).toEqual(a);
      expect(await bulk.dataSource.query(policies)).toEqual(await incremental.dataSource.query(policies));
      expect(await bulk.dataSource.query(derived)).toEqual(await incremental.dataSource.query(derived));
    } finally {
      await incremental.dispose();
      await bulk.dispose();
    }
  });
});
