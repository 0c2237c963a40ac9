import path from 'node:path';
import { writeMeasures } from '../measures/write-measures';
import { loadReferential } from '../referential/load-referential';
import { createTestContext } from '../testing/test-context';
import { buildTerritoryView } from './territory-view.service';

const fixtures = path.join(__dirname, '../../test/fixtures');
const levelOrder = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];
const asOf = '2026-06-30';

describe('territoryView (the territory page)', () => {
  let context: Awaited<ReturnType<typeof createTestContext>>;
  beforeAll(async () => {
    context = await createTestContext();
    const loaded = await loadReferential(context.dataSource, path.join(fixtures, 'referential-small'), { levels: [...levelOrder, 'CRTE'] });
    expect(loaded.ok).toBe(true);
    // Two départements of Provence-Alpes-Côte d'Azur: Bouches-du-Rhône halfway, Var at its target.
    // Both indicators move in step, so the policy rate equals each indicator's rate.
    const values = (code: string, progress: number) => [
      { indicatorId: 'I-SUM', territoryCode: code, date: '2024-01-01', kind: 'VI' as const, value: 0 },
      { indicatorId: 'I-SUM', territoryCode: code, date: '2026-05-31', kind: 'VA' as const, value: progress },
      { indicatorId: 'I-SUM', territoryCode: code, date: '2026-12-31', kind: 'VC' as const, value: 100 },
      { indicatorId: 'I-DELAY', territoryCode: code, date: '2024-01-01', kind: 'VI' as const, value: 30 },
      { indicatorId: 'I-DELAY', territoryCode: code, date: '2026-05-31', kind: 'VA' as const, value: 30 - (20 * progress) / 100 },
      { indicatorId: 'I-DELAY', territoryCode: code, date: '2026-12-31', kind: 'VC' as const, value: 10 },
    ];
    await context.dataSource.transaction((manager) =>
      writeMeasures(manager, [...values('D13', 50), ...values('D83', 100)], { provenance: 'import', levelOrder, asOf }),
    );
    await context.dataSource.query(`INSERT INTO roadmap_item (territory_code, policy_id, local_objective) VALUES ('D13', 'P-1', 'Ouvrir 10 structures')`);
  });
  afterAll(() => context.dispose());

  it('shows the policies of a département with their rates, its roadmap, its siblings and its région', async () => {
    const view = await buildTerritoryView(context.dataSource.manager, 'D13', asOf);
    expect(view?.territory).toMatchObject({ code: 'D13', name: 'Bouches-du-Rhône', level: 'DEPT', parentCode: 'R93' });
    expect(view?.parent).toMatchObject({ code: 'R93', level: 'REG' });
    expect(view?.rates.map((row) => row.policy.id)).toEqual(['P-1']);
    expect(view?.rates[0].globalRate.value).toBeCloseTo(50);
    expect(view?.roadmap).toEqual([expect.objectContaining({ localObjective: 'Ouvrir 10 structures', policy: expect.objectContaining({ id: 'P-1' }) })]);
    // Siblings are the départements of the same région, with their own rates.
    const peers = new Map(view?.peers.map((peer) => [peer.code, peer.value]));
    expect([...peers.keys()].sort()).toEqual(['D04', 'D05', 'D06', 'D13', 'D83', 'D84']);
    expect(peers.get('D83')).toBeCloseTo(100);
    expect(peers.get('D04')).toBeNull();
    expect(view?.rate).toMatchObject({ count: 2 });
    expect(view?.rate.value).toBeCloseTo(50);
    expect(view?.rate.max).toBeCloseTo(100);
    expect(view?.parentRate?.value).not.toBeNull();
  });

  it('returns null for an unknown code, and an empty roadmap where none was chosen', async () => {
    expect(await buildTerritoryView(context.dataSource.manager, 'D99', asOf)).toBeNull();
    const var83 = await buildTerritoryView(context.dataSource.manager, 'D83', asOf);
    expect(var83?.roadmap).toEqual([]);
    expect(var83?.rates[0].globalRate.value).toBeCloseTo(100);
  });
});
