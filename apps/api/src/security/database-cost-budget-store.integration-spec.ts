import { createTestContext } from '@pilote/core/testing';
import { DatabaseCostBudgetStore } from './database-cost-budget-store';

/**
 * Issue 16: limits shared by replicas. Two stores on one database stand for two API processes
 * (each store keeps nothing of a bucket in memory); the two-process test in
 * apps/api/test/two-replicas checks the same through HTTP.
 */
describe('DatabaseCostBudgetStore', () => {
  let context: Awaited<ReturnType<typeof createTestContext>>;
  beforeAll(async () => {
    context = await createTestContext();
  });
  afterAll(() => context?.dispose());

  // 60 units a minute: one unit a second, so the test's own seconds refill almost nothing.
  const limits = { capacity: 3, refill: 60, windowMs: 60_000 };

  it('counts charges from every replica against one bucket', async () => {
    const a = new DatabaseCostBudgetStore(context.dataSource);
    const b = new DatabaseCostBudgetStore(context.dataSource);
    const answers = [await a.charge('ip:1', 1, limits), await b.charge('ip:1', 1, limits), await a.charge('ip:1', 1, limits), await b.charge('ip:1', 1, limits)];
    expect(answers.map((answer) => answer.ok)).toEqual([true, true, true, false]);
    const refused = answers[3];
    expect(refused.ok === false && refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.ok === false && refused.retryAfterMs).toBeLessThanOrEqual(1_000);
    // Another client has its own bucket.
    expect((await b.charge('ip:2', 3, limits)).ok).toBe(true);
  });

  it('refuses a cost above the whole bucket without spending it, and answers concurrent charges exactly', async () => {
    const store = new DatabaseCostBudgetStore(context.dataSource);
    expect(await store.charge('ip:big', 4, limits)).toMatchObject({ ok: false });
    const many = await Promise.all(Array.from({ length: 10 }, () => store.charge('ip:burst', 1, limits)));
    expect(many.filter((answer) => answer.ok)).toHaveLength(3);
  });

  it('refills at its rate and forgets full buckets', async () => {
    const store = new DatabaseCostBudgetStore(context.dataSource);
    const fast = { capacity: 1, refill: 60_000, windowMs: 60_000 }; // one unit per millisecond
    expect((await store.charge('ip:fast', 1, fast)).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await store.charge('ip:fast', 1, fast)).ok).toBe(true);
    await context.dataSource.query(`UPDATE rate_limit_bucket SET at = now() - interval '1 hour' WHERE key = 'ip:fast'`);
    expect(await store.purgeFull()).toBeGreaterThanOrEqual(1);
    const [{ count }] = await context.dataSource.query(`SELECT count(*)::int AS count FROM rate_limit_bucket WHERE key = 'ip:fast'`);
    expect(count).toBe(0);
  });
});
