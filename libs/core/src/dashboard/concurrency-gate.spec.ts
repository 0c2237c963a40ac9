import { ConcurrencyGate, heavyReadsAtOnce } from './concurrency-gate';

describe('ConcurrencyGate', () => {
  it('runs at most its limit at once, the others in arrival order, and frees the slot on failure', async () => {
    const gate = new ConcurrencyGate(2);
    let active = 0;
    let most = 0;
    const order: number[] = [];
    const task = (i: number, fail = false) =>
      gate.run(async () => {
        active += 1;
        most = Math.max(most, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(i);
        active -= 1;
        if (fail) throw new Error(`task ${i}`);
        return i;
      });
    const results = await Promise.allSettled([task(1), task(2, true), task(3), task(4), task(5)]);
    expect(most).toBe(2);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(order.slice(2)).toEqual([3, 4, 5]);
    expect(gate.queued).toBe(0);
    // The slots are all free again.
    expect(await Promise.all([task(6), task(7)])).toEqual([6, 7]);
  });

  it('sizes itself from the pool and the cores unless configured', () => {
    expect(heavyReadsAtOnce(20, {}, 16)).toBe(4);
    expect(heavyReadsAtOnce(20, {}, 2)).toBe(1);
    expect(heavyReadsAtOnce(20, {}, 1)).toBe(1);
    expect(heavyReadsAtOnce(1, {}, 16)).toBe(1);
    expect(heavyReadsAtOnce(20, { PILOTE_HEAVY_READS_AT_ONCE: '2' }, 2)).toBe(2);
    expect(heavyReadsAtOnce(20, { PILOTE_HEAVY_READS_AT_ONCE: 'x' }, 16)).toBe(4);
  });
});
