import { computeTrend, trendOf } from './trend.rule';

describe('computeTrend', () => {
  it('goes up or down beyond the tolerance', () => {
    expect(computeTrend(60, 50)).toMatchObject({ direction: 'up', delta: 10 });
    const down = computeTrend(40, 50);
    expect(down.direction).toBe('down');
    expect(down.delta).toBe(-10);
    expect(down.explanation.formula).toBe('40 − 50 = −10 (down, tolerance ±0.5)');
  });
  it('is stable within the tolerance, bounds included', () => {
    expect(computeTrend(50.5, 50).direction).toBe('stable');
    expect(computeTrend(50.6, 50).direction).toBe('up');
    expect(computeTrend(52, 50, 2).direction).toBe('stable');
  });
  it('is unknown without both values', () => {
    expect(computeTrend(null, 50)).toMatchObject({ direction: 'unknown', delta: null });
    expect(computeTrend(50, null).explanation.reasonCode).toBe('missing-previous');
  });
});

describe('trendOf', () => {
  it('gives computeTrend\'s direction and delta for every case', () => {
    const cases: [number | null, number | null, number?][] = [[60, 50], [40, 50], [50.5, 50], [50.6, 50], [52, 50, 2], [null, 50], [50, null], [Number.NaN, 50]];
    for (const [current, previous, tolerance] of cases) {
      const { direction, delta } = computeTrend(current, previous, tolerance);
      expect({ current, previous, ...trendOf(current, previous, tolerance) }).toEqual({ current, previous, direction, delta });
    }
  });
});
