import path from 'node:path';
import { writeMeasures } from '../measures/write-measures';
import { loadReferential } from '../referential/load-referential';
import { createTestContext } from '../testing/test-context';
import { foldDataChanges, readDataRevision } from './data-revision';
import { buildHome } from './home.service';
import { ReadCache } from './read-cache';

const fixtures = path.join(__dirname, '../../test/fixtures');
const levelOrder = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];
const asOf = '2026-06-30';
const values = (code: string, progress: number) => [
  { indicatorId: 'I-SUM', territoryCode: code, date: '2024-01-01', kind: 'VI' as const, value: 0 },
  { indicatorId: 'I-SUM', territoryCode: code, date: '2026-05-31', kind: 'VA' as const, value: progress },
  { indicatorId: 'I-SUM', territoryCode: code, date: '2026-12-31', kind: 'VC' as const, value: 100 },
  // Both indicators move in step, so the policy rate equals each indicator's rate.
  { indicatorId: 'I-DELAY', territoryCode: code, date: '2024-01-01', kind: 'VI' as const, value: 30 },
  { indicatorId: 'I-DELAY', territoryCode: code, date: '2026-05-31', kind: 'VA' as const, value: 30 - (20 * progress) / 100 },
  { indicatorId: 'I-DELAY', territoryCode: code, date: '2026-12-31', kind: 'VC' as const, value: 10 },
];

/** Issue 17 ("the home answer cached … a test proves no stale answer after a publish") and issue 14 (storms). */
describe('ReadCache on the data revision', () => {
  let context: Awaited<ReturnType<typeof createTestContext>>;
  const db = () => context.dataSource.manager;
  const home = () => buildHome(db(), 'D13', {}, { asOf, levelOrder, mapLevels: ['DEPT'] });
  const write = (progress: number) => context.dataSource.transaction((manager) => writeMeasures(manager, values('D13', progress), { provenance: 'import', levelOrder, asOf }));

  beforeAll(async () => {
    context = await createTestContext();
    expect((await loadReferential(context.dataSource, path.join(fixtures, 'referential-small'), { levels: [...levelOrder, 'CRTE'] })).ok).toBe(true);
    await write(50);
  });
  afterAll(() => context.dispose());

  it('computes once while nothing changes, and again after every committed write: never a stale answer', async () => {
    const cache = new ReadCache<Awaited<ReturnType<typeof home>>>(8);
    let computed = 0;
    const cached = () => cache.get(db(), 'D13', () => ((computed += 1), home()));
    const first = await cached();
    // Five aliases in one request: one computation.
    const same = await Promise.all([cached(), cached(), cached(), cached(), cached()]);
    expect(computed).toBe(1);
    expect(same.every((answer) => answer === first)).toBe(true);
    const rate = (answer: typeof first) => answer.policies.find((row) => row.policy.id === 'P-1')?.globalRate.value;
    expect(rate(first)).toBeCloseTo(50);

    await write(80); // a publish: values and every rate they change
    const after = await cached();
    expect(computed).toBe(2);
    expect(rate(after)).toBeCloseTo(80);
    expect(rate(after)).toBeCloseTo(rate(await home()) ?? NaN);
  });

  it('changes the revision on a committed write to any dashboard table, never on a rolled-back one', async () => {
    const before = await readDataRevision(db());
    await context.dataSource
      .transaction(async (manager) => {
        await manager.query(`UPDATE policy_state SET global_rate = 1 WHERE territory_code = 'D13'`);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await readDataRevision(db())).toBe(before);
    await context.dataSource.query(`UPDATE narrative SET body = body WHERE false`); // a statement touching no row still marks: safe side
    await context.dataSource.query(`UPDATE policy SET name = name WHERE id = 'P-1'`);
    expect(BigInt(await readDataRevision(db()))).toBe(BigInt(before) + 2n);
  });

  it('keeps the revision when folding marks, and concurrent writers never wait on each other for it', async () => {
    const before = BigInt(await readDataRevision(db()));
    await foldDataChanges(db());
    expect(BigInt(await readDataRevision(db()))).toBe(before);
    const [{ marks }] = await context.dataSource.query(`SELECT count(*)::int AS marks FROM data_change`);
    expect(marks).toBe(1);
    // Two open transactions each write a dashboard table; the second commits first (it would
    // block behind the first if marks shared one row): both count.
    const runner1 = context.dataSource.createQueryRunner();
    const runner2 = context.dataSource.createQueryRunner();
    try {
      await runner1.startTransaction();
      await runner1.query(`UPDATE policy SET name = name WHERE id = 'P-1'`);
      if (context.database.kind === 'postgresql') {
        await runner2.startTransaction();
        await runner2.query(`UPDATE territory SET name = name WHERE code = 'D83'`);
        await runner2.commitTransaction();
      }
      await runner1.commitTransaction();
    } finally {
      await runner1.release();
      await runner2.release();
    }
    expect(BigInt(await readDataRevision(db()))).toBe(before + (context.database.kind === 'postgresql' ? 2n : 1n));
  });
});
