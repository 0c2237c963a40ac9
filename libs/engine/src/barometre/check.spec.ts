import { candidatesFor, checkBarometre, checkIndicator, deriveDirection } from './check';
import type { BarometreRow } from './read';

function row(zone: string, date: string, v: Partial<Pick<BarometreRow, 'vi' | 'va' | 'vc' | 'ta'>>, indicatorId = 'IND-X'): BarometreRow {
  return { indicatorId, zone, date, level: zone === 'FRANCE' ? 'NAT' : zone.startsWith('R') ? 'REG' : 'DEPT', vi: null, va: null, vc: null, ta: null, ...v };
}

/** One zone: VI 20 (2022), VA 60 (2023-06), target 100 (2026): 50 % when rising. */
function zone(code: string, ta: number, over: { vi?: number | null; va?: number; vc?: number } = {}, id = 'IND-X'): BarometreRow[] {
  const vi = over.vi === undefined ? 20 : over.vi;
  return [
    ...(vi === null ? [] : [row(code, '2022-12-31', { vi }, id)]),
    row(code, '2023-06-30', { va: over.va ?? 60, ta }, id),
    row(code, '2026-12-31', { vc: over.vc ?? 100 }, id),
  ];
}

describe('deriveDirection', () => {
  it('reads the national target against the national VI, 0 without one', () => {
    expect(deriveDirection(zone('FRANCE', 0)).direction).toBe('rising');
    expect(deriveDirection(zone('FRANCE', 0, { vi: 200 })).direction).toBe('falling');
    expect(deriveDirection(zone('FRANCE', 0, { vi: null })).reason).toBe('national target 100 > no VI (0)');
  });
  it('falls back on the majority of the territories, else unknown', () => {
    const rows = [...zone('FRANCE', 0, { vi: 100 }), ...zone('D01', 0, { vi: 200 }), ...zone('D02', 0, { vi: 300 }), ...zone('D03', 0)];
    expect(deriveDirection(rows)).toEqual({ direction: 'falling', reason: 'territories: 1 targets above their VI, 2 below' });
    expect(deriveDirection(zone('FRANCE', 0, { vi: 100 })).direction).toBeNull();
  });
});

describe('candidatesFor', () => {
  it('puts the default first, and orders by the number of departures', () => {
    const c = candidatesFor('falling');
    expect(c[0]).toMatchObject({ direction: 'falling', departures: 0, changes: [] });
    expect(c.map((x) => x.departures)).toEqual([...c.map((x) => x.departures)].sort((a, b) => a - b));
    expect(c.some((x) => x.direction === 'rising')).toBe(true);
  });
});

describe('checkIndicator', () => {
  it('matches with the default parameters when they reproduce the published rate', () => {
    const check = checkIndicator('IND-X', [...zone('FRANCE', 50), ...zone('D01', 50.3)]);
    expect(check.matched).toBe(2);
    expect(check.chosen.departures).toBe(0);
  });

  it('takes a missing VI as 0, as PILOTE did', () => {
    const check = checkIndicator('IND-X', zone('FRANCE', 60, { vi: null }));
    expect(check.comparisons[0]).toMatchObject({ cls: 'match', initialTakenAsZero: true });
  });

  it("infers the sum of the year's current values for the indicator when most zones say so", () => {
    const monthly = (code: string): BarometreRow[] => [
      row(code, '2022-12-31', { vi: 0 }),
      row(code, '2023-05-31', { va: 30 }),
      row(code, '2023-06-30', { va: 30, ta: 60 }),
      row(code, '2026-12-31', { vc: 100 }),
    ];
    const check = checkIndicator('IND-X', [...monthly('D01'), ...monthly('D02'), ...monthly('D03')]);
    expect(check.matched).toBe(3);
    expect(check.defaultMatched).toBe(0);
    expect(check.chosen.changes).toEqual(['global current value (VACG): sum of the current values since 1 January']);
    expect(check.inferenceScore).toEqual({ chosen: 3, default: 0, zones: 3, crossValidated: 3 });
  });

  it('never chooses per zone: one parameter set for the whole indicator', () => {
    // two zones rate the latest value (the sum would give 100), one the sum: the indicator keeps the latest value
    const rows = [...zone('D01', 50), row('D01', '2023-05-31', { va: 60 }), ...zone('D02', 50), row('D02', '2023-05-31', { va: 60 }), row('D03', '2022-12-31', { vi: 0 }), row('D03', '2023-05-31', { va: 30 }), row('D03', '2023-06-30', { va: 30, ta: 60 }), row('D03', '2026-12-31', { vc: 100 })];
    const check = checkIndicator('IND-X', rows);
    expect(check.chosen.departures).toBe(0);
    expect(check.comparisons.find((c) => c.zone === 'D03')?.cls).not.toBe('match');
  });

  it('does not change parameters for a gain under 5 % of the zones', () => {
    // 40 zones at the default, 1 zone that only the opposite direction reproduces
    const rows = Array.from({ length: 40 }, (_, i) => zone(`D${i + 10}`, 50)).flat().concat(zone('D01', 0, { va: 10 }));
    expect(checkIndicator('IND-X', rows, { infer: true }).chosen.departures).toBe(0);
    expect(checkIndicator('IND-X', rows, { minGainShare: 0 }).chosen.departures).toBe(0); // the opposite direction loses the 40 others
  });

  it("reports a region's values to a département that has none", () => {
    const rows = [...zone('R84', 50), row('D01', '2023-06-30', { ta: 50 })];
    const without = checkIndicator('IND-X', rows);
    expect(without.comparisons.find((c) => c.zone === 'D01')?.cls).toBe('no-rate');
    const withParent = checkIndicator('IND-X', rows, { parentOf: (z) => (z === 'D01' ? 'R84' : undefined) });
    expect(withParent.comparisons.find((c) => c.zone === 'D01')).toMatchObject({ cls: 'match', reportedFrom: 'R84' });
  });
});

describe('disagreement classes: each defined by the zone data', () => {
  // many default zones so that the inference keeps the default, then one zone per class
  const base = Array.from({ length: 30 }, (_, i) => zone(`D${i + 10}`, 50)).flat();
  const classOf = (rows: BarometreRow[], code: string) => checkBarometre([...base, ...rows]).comparisons.find((c) => c.zone === code);

  it('published-100x: the published value is 100 × ours', () => {
    expect(classOf(zone('D01', 5000), 'D01')?.cls).toBe('published-100x');
  });
  it('initial-as-zero: the file has a VI, the published rate is the rate with VI = 0', () => {
    expect(classOf(zone('D01', 60), 'D01')?.cls).toBe('initial-as-zero');
  });
  it('intermediate-target: the rate against another target of the file', () => {
    const rows = [...zone('D01', 80), row('D01', '2023-12-31', { vc: 70 })];
    expect(classOf(rows, 'D01')?.cls).toBe('intermediate-target');
  });
  it('other-initial: the rate from another VI of the file', () => {
    const rows = [row('D01', '2021-12-31', { vi: 0 }), ...zone('D01', 60, { vi: 20 })];
    expect(classOf(rows, 'D01')?.alsoHolds).toContain('other-initial');
  });
  it('earlier-current: the rate of an earlier current value', () => {
    const rows = [row('D01', '2023-01-31', { va: 40 }), ...zone('D01', 25)];
    expect(classOf(rows, 'D01')?.cls).toBe('earlier-current');
  });
  it('unclamped: the rate before clamping', () => {
    expect(classOf(zone('D01', 125, { va: 120 }), 'D01')?.cls).toBe('unclamped');
  });
  it('opposite-direction: the rate in the other direction', () => {
    // VI 20 ≥ target 10: rising says 100 (VA 60 ≥ 10), falling says 0 (VA 60 > 10)
    expect(classOf(zone('D01', 0, { vc: 10 }), 'D01')?.cls).toBe('opposite-direction');
  });
  it('no-rate and unexplained', () => {
    expect(classOf([row('D01', '2023-06-30', { ta: 10 })], 'D01')?.cls).toBe('no-rate');
    expect(classOf(zone('D01', 33), 'D01')?.cls).toBe('unexplained');
  });
  it('counts each rate once, in the first class that holds', () => {
    const check = checkBarometre([...base, ...zone('D01', 5000), ...zone('D02', 33)]);
    expect(check.counts).toMatchObject({ match: 30, 'published-100x': 1, unexplained: 1 });
    expect(Object.values(check.counts).reduce((a, b) => a + b, 0)).toBe(check.zones);
  });
});
