import path from 'node:path';
import { writeMeasures } from '../measures/write-measures';
import { loadReferential } from '../referential/load-referential';
import { createTestContext } from '../testing/test-context';
import { buildIndicatorView } from './indicator-view.service';

const fixtures = path.join(__dirname, '../../test/fixtures');
const levelOrder = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];
const asOf = '2026-06-30';

describe('indicatorAt (the indicator page)', () => {
  let context: Awaited<ReturnType<typeof createTestContext>>;
  const view = (territoryCode: string, indicatorId = 'I-SUM', scope?: { territoryRoots: string[] | null }) =>
    buildIndicatorView(context.dataSource.manager, indicatorId, territoryCode, { asOf, levelOrder, scope });

  beforeAll(async () => {
    context = await createTestContext();
    const loaded = await loadReferential(context.dataSource, path.join(fixtures, 'referential-small'), { levels: [...levelOrder, 'CRTE'] });
    expect(loaded.ok).toBe(true);
    // Two départements of Provence-Alpes-Côte d'Azur: Bouches-du-Rhône halfway to its target, Var at it.
    const values = (code: string, progress: number) => [
      { indicatorId: 'I-SUM', territoryCode: code, date: '2024-01-01', kind: 'VI' as const, value: 0 },
      { indicatorId: 'I-SUM', territoryCode: code, date: '2026-05-31', kind: 'VA' as const, value: progress },
      { indicatorId: 'I-SUM', territoryCode: code, date: '2026-12-31', kind: 'VC' as const, value: 100 },
    ];
    await context.dataSource.transaction((manager) => writeMeasures(manager, [...values('D13', 50), ...values('D83', 100)], { provenance: 'import', levelOrder, asOf }));
  });
  afterAll(() => context.dispose());

  it('shows the indicator at a région with its summed values and each of its départements', async () => {
    const r93 = await view('R93');
    expect(r93.indicator).toMatchObject({ id: 'I-SUM', name: 'Nombre de structures ouvertes', unit: 'nombre' });
    expect(r93.policy).toMatchObject({ id: 'P-1', name: 'Politique de test' });
    expect(r93.territory).toMatchObject({ code: 'R93', level: 'REG' });
    expect(r93.weight).toBe(1);
    // Aggregated by sum from the départements: 50 + 100 of a 200 target, from 0.
    expect(r93.current).toMatchObject({ value: 150, date: '2026-05-31' });
    expect(r93.globalTarget).toMatchObject({ value: 200, date: '2026-12-31' });
    expect(r93.globalRate.value).toBeCloseTo(75);
    expect(r93.globalRate.explanationId).toBe('indicator:I-SUM:R93:global');
    expect(r93.childLevel).toBe('DEPT');
    expect(r93.territories.map((t) => t.code)).toEqual(['D04', 'D05', 'D06', 'D13', 'D83', 'D84']);
    const d13 = r93.territories.find((t) => t.code === 'D13');
    expect(d13).toMatchObject({ name: 'Bouches-du-Rhône', level: 'DEPT', current: { value: 50, date: '2026-05-31', provenance: 'import' } });
    expect(d13?.globalRate.value).toBeCloseTo(50);
    expect(d13?.globalRate.explanationId).toBe('indicator:I-SUM:D13:global');
    expect(r93.territories.find((t) => t.code === 'D83')?.globalRate.value).toBeCloseTo(100);
    // A département without any value says why it has no rate, with a code the page translates.
    const d04 = r93.territories.find((t) => t.code === 'D04');
    expect(d04).toMatchObject({ current: null, globalRate: { value: null, reasonCode: 'no-value-yet' } });
  });

  it('lists only the territories below that the reader may see', async () => {
    const scoped = await view('R93', 'I-SUM', { territoryRoots: ['D13'] });
    expect(scoped.territories.map((t) => t.code)).toEqual(['D13']);
    const everywhere = await view('R93', 'I-SUM', { territoryRoots: null });
    expect(everywhere.territories).toHaveLength(6);
  });

  it('has no territories below the finest level its policy follows', async () => {
    const d13 = await view('D13');
    expect(d13.childLevel).toBeNull();
    expect(d13.territories).toEqual([]);
    expect(d13.globalRate.value).toBeCloseTo(50);
  });

  it('answers NOT_FOUND for an unknown indicator or territory, or a level its policy does not follow', async () => {
    await expect(view('R93', 'NO-SUCH')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'indicatorId' } });
    await expect(view('NOWHERE')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'territoryCode' } });
    const commune = (await context.dataSource.query(`SELECT code FROM territory WHERE level = 'COM' LIMIT 1`)) as { code: string }[];
    if (commune[0]) await expect(view(commune[0].code)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'territoryCode' } });
  });
});
