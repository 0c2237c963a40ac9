import { computeTrend } from './trend.rule';

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
