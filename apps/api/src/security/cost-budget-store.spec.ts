import { MemoryCostBudgetStore } from './cost-budget-store';

describe('MemoryCostBudgetStore', () => {
  const limits = { capacity: 10_000, refill: 40_000, windowMs: 60_000 };

  it('lets a client spend its burst, then refills it at the per-minute rate', async () => {
    const store = new MemoryCostBudgetStore();
    expect(await store.charge('u:1', 5_000, limits, 0)).toEqual({ ok: true, remaining: 5_000 });
    expect(await store.charge('u:1', 5_000, limits, 0)).toEqual({ ok: true, remaining: 0 });
    // 40,000 a minute = 5,000 every 7.5 s.
    expect(await store.charge('u:1', 5_000, limits, 0)).toEqual({ ok: false, retryAfterMs: 7_500 });
    expect(await store.charge('u:1', 5_000, limits, 7_500)).toEqual({ ok: true, remaining: 0 });
  });

  it('keeps one bucket per client and never fills past the burst', async () => {
    const store = new MemoryCostBudgetStore();
    await store.charge('u:1', 10_000, limits, 0);
    expect((await store.charge('u:2', 10_000, limits, 0)).ok).toBe(true);
    expect(await store.charge('u:3', 1, limits, 3_600_000)).toEqual({ ok: true, remaining: 9_999 });
  });
});
