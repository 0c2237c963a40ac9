import path from 'node:path';
import { computationLevelOrder } from '../config/instance-config.schema';
import { buildHome } from '../dashboard/home.service';
import { loadReferential } from '../referential/load-referential';
import { createTestContext } from '../testing/test-context';
import { testInstance } from '../testing/test-instance';
import { seedDemoValues } from './seed-instance';

const instance = testInstance();
const levelOrder = computationLevelOrder(instance.config);
const levels = instance.config.territoryLevels.map((l) => l.id);
const asOf = '2026-10-31';
const options = { asOf, levelOrder, mapLevels: ['REG', 'DEPT'] };

/**
 * The demo as its readers see it at the national level (issue 20): two rates that say different
 * things, and signals that are not empty because France is compared with its own territories.
 */
describe('the demo seed at the national level', () => {
  let context: Awaited<ReturnType<typeof createTestContext>>;
  beforeAll(async () => {
    context = await createTestContext({ instance });
    const referential = path.join(__dirname, '../../../../examples/demo/data/referential');
    expect((await loadReferential(context.dataSource, referential, { levels: [...levels, 'CRTE'] })).ok).toBe(true);
    await context.dataSource.transaction((m) => seedDemoValues(m, levelOrder, () => undefined, asOf));
  }, 600_000);
  afterAll(() => context?.dispose());

  it('gives different annual and global rates for most policies (annual targets this year, final targets later)', async () => {
    const rows = (await context.dataSource.query(
      `SELECT ps.annual_rate, ps.global_rate FROM policy_state ps JOIN policy p ON p.id = ps.policy_id
       WHERE ps.territory_code = 'FRANCE' AND p.status = 'published' AND ps.annual_rate IS NOT NULL AND ps.global_rate IS NOT NULL`,
    )) as { annual_rate: number; global_rate: number }[];
    expect(rows.length).toBeGreaterThan(10);
    const different = rows.filter((r) => Math.abs(r.annual_rate - r.global_rate) >= 1);
    expect(different.length / rows.length).toBeGreaterThan(0.5);
  });

  it('lists every policy at "Orage" under "alerts only" at France, and more', async () => {
    const db = context.dataSource.manager;
    const home = await buildHome(db, 'FRANCE', {}, options);
    const stormy = home.policies.filter((row) => row.weather?.level === 'STORMY').map((row) => row.policy.id);
    const alerts = await buildHome(db, 'FRANCE', { alertsOnly: true }, options);
    expect(alerts.policies.length).toBeGreaterThan(0);
    expect(alerts.policies.map((row) => row.policy.id)).toEqual(expect.arrayContaining(stormy));
    expect(alerts.alertCounts.length).toBeGreaterThan(0);
  });

  it('compares the national rate with the distribution of its territories: gaps and gauges are not min = median = max', async () => {
    const home = await buildHome(context.dataSource.manager, 'FRANCE', {}, options);
    const regions = Number(((await context.dataSource.query(`SELECT count(*)::int AS n FROM territory WHERE level = 'REG' AND parent_code = 'FRANCE'`)) as { n: number }[])[0].n);
    const withPeers = home.policies.filter((row) => row.peers.count > 1);
    expect(withPeers.length / home.policies.length).toBeGreaterThan(0.8);
    for (const row of withPeers) expect(row.peers.count).toBeLessThanOrEqual(regions);
    expect(withPeers.filter((row) => (row.peers.min ?? 0) < (row.peers.max ?? 0)).length).toBe(withPeers.length);
    // The gap to the median is the national rate minus its régions' median: not 0 everywhere.
    expect(home.policies.filter((row) => row.gapToMedian !== null && Math.abs(row.gapToMedian) > 0.01).length).toBeGreaterThan(withPeers.length / 2);
    for (const gauge of [home.globalRate, home.annualRate]) {
      expect(gauge.count).toBeGreaterThan(1);
      expect(gauge.min!).toBeLessThan(gauge.max!);
    }
  });
});
