import { computeGapToMedian } from './gap-to-median.rule';

describe('computeGapToMedian', () => {
  it('is the rate minus the median of peers', () => {
    const r = computeGapToMedian(40, [30, 55, 60, 90]);
    expect(r.value).toBe(-17.5);
    expect(r.explanation.formula).toBe('40 − 57.5 = −17.5');
    // no English sentence for the reader: a role (translated) and structured parameters
    expect(r.explanation.inputs.find((i) => i.role === 'median')?.value).toBe(57.5);
    expect(r.explanation).toMatchObject({ formulaKey: 'gap', formulaParams: { rate: 40, median: 57.5, value: -17.5 }, unit: 'points' });
    expect(r.explanation.inputs.find((i) => i.role === 'max')?.value).toBe(90);
  });
  it('is null without a rate or without peers', () => {
    expect(computeGapToMedian(null, [1, 2]).explanation.reasonCode).toBe('missing-rate');
    const r = computeGapToMedian(50, []);
    expect(r.value).toBeNull();
    expect(r.explanation.reasonCode).toBe('no-peers');
  });
});
