import path from 'node:path';
import { computationLevelOrder } from '../config/instance-config.schema';
import { buildHome } from '../dashboard/home.service';
import { loadReferential } from '../referential/load-referential';
import { createTestContext } from '../testing/test-context';
import { testInstance } from '../testing/test-instance';
import { seedDemoValues } from './seed-instance';

const instance = testInstance({
  territoryLevels: [
    { id: 'NAT', label: 'National' }, { id: 'REG', label: 'Région', hasMap: true }, { id: 'DEPT', label: 'Département', hasMap: true },
    { id: 'EPCI', label: 'Intercommunalité', hasMap: true }, { id: 'COM', label: 'Commune', hasMap: true }, { id: 'CRTE', label: 'Contrat (CRTE)', perimeter: true },
  ],
});
const levelOrder = computationLevelOrder(instance.config);

/** A new instance whose indicators are entered by intercommunalité or commune opens with rates, not "—" everywhere (issue 20). */
describe('the demo seed of an instance entering values by EPCI and commune (examples/anct-crte)', () => {
  it('gives values where they are entered, so rates are computed from the EPCIs up to the nation', async () => {
    const context = await createTestContext({ instance });
    try {
      // As the instance does (territories.regions): Bretagne, Centre-Val de Loire, Pays de la Loire only.
      await context.dataSource.query(
        `WITH RECURSIVE kept AS (
           SELECT code FROM territory WHERE code IN ('FRANCE', 'R53', 'R24', 'R52')
           UNION SELECT t.code FROM territory t JOIN kept k ON t.parent_code = k.code AND t.parent_code <> 'FRANCE'
         )
         DELETE FROM territory WHERE code NOT IN (SELECT code FROM kept)`,
      );
      const referential = path.join(__dirname, '../../../../examples/anct-crte/data/referential');
      expect((await loadReferential(context.dataSource, referential, { levels: instance.config.territoryLevels.map((l) => l.id) })).ok).toBe(true);
      await context.dataSource.transaction((m) => seedDemoValues(m, levelOrder, () => undefined, '2026-10-31'));
      const counts = (await context.dataSource.query(
        `SELECT t.level, count(*)::int AS states, count(ps.global_rate)::int AS rated
         FROM policy_state ps JOIN territory t ON t.code = ps.territory_code GROUP BY t.level`,
      )) as { level: string; states: number; rated: number }[];
      const at = (level: string) => counts.find((c) => c.level === level) ?? { states: 0, rated: 0 };
      expect(at('EPCI').rated).toBeGreaterThan(10);
      expect(at('DEPT').rated / at('DEPT').states).toBeGreaterThan(0.5);
      expect(at('NAT').rated).toBeGreaterThan(0);
      const entered = (await context.dataSource.query(`SELECT count(*)::int AS n FROM measure m JOIN territory t ON t.code = m.territory_code WHERE t.level IN ('EPCI', 'COM')`)) as { n: number }[];
      expect(entered[0].n).toBeGreaterThan(100);
      // France is compared with its three régions, not with the CRTE contracts it also holds.
      const home = await buildHome(context.dataSource.manager, 'FRANCE', {}, { asOf: '2026-10-31', levelOrder, mapLevels: ['REG', 'DEPT'] });
      expect(home.globalRate.count).toBe(3);
      for (const row of home.policies) expect(row.peers.count).toBeLessThanOrEqual(3);
    } finally {
      await context.dispose();
    }
  }, 300_000);
});
