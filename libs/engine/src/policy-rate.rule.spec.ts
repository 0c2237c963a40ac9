import { computePolicyRate, type PolicyRateItem } from './policy-rate.rule';

const item = (indicatorId: string, weight: number, rate: number | null, applicable = true): PolicyRateItem => ({
  indicatorId,
  label: `Indicator ${indicatorId}`,
  weight,
  applicable,
  rate,
  rateRef: `rate:${indicatorId}`,
});

describe('computePolicyRate', () => {
  it('weights the mean and shows raw and renormalised weights', () => {
    const r = computePolicyRate([item('A', 2, 55), item('B', 3, 80)]);
    expect(r.value).toBe(70);
    expect(r.explanation.ruleId).toBe('policy-rate.weighted-mean');
    expect(r.explanation.formula).toBe('(2 × 55 + 3 × 80) / (2 + 3) = 0.4 × 55 + 0.6 × 80 = 70');
    const weights = r.explanation.inputs.filter((i) => i.role === 'weight');
    expect(weights.map((w) => [w.value, w.weight])).toEqual([
      [2, 0.4],
      [3, 0.6],
    ]);
    expect(r.explanation.inputs.find((i) => i.role === 'indicatorRate')?.ref).toBe('rate:A');
  });

  it('renormalises over applicable indicators only', () => {
    const r = computePolicyRate([item('A', 1, 20), item('B', 1, 60), item('C', 2, null, false)]);
    expect(r.value).toBe(40);
    const excluded = r.explanation.inputs.find((i) => i.role === 'excluded');
    // the name alone, and why it is left out as a code the reader's language says
    expect(excluded?.label).toBe('Indicator C');
    expect(excluded?.note).toBe('not-applicable');
    expect(r.explanation.formulaKey).toBe('weighted-mean');
    expect(r.explanation.formulaParams).toMatchObject({ products: [[1, 20], [1, 60]], weights: [1, 1], value: 40 });
    expect(r.explanation.unit).toBe('rate');
  });

  it('ignores weight-0 indicators, even without a rate', () => {
    expect(computePolicyRate([item('A', 1, 30), item('B', 0, null)]).value).toBe(30);
  });

  it('is not computed when a weighted applicable indicator has no rate, and names it', () => {
    const r = computePolicyRate([item('A', 1, 30), item('B', 1, null), item('C', 1, null)]);
    expect(r.value).toBeNull();
    expect(r.explanation.reasonCode).toBe('indicator-rate-missing');
    expect(r.explanation.reason).toContain('Indicator B (B), Indicator C (C)');
    expect(r.explanation.reason).not.toContain('(A)');
  });

  it('is not computed without any weighted applicable indicator', () => {
    expect(computePolicyRate([]).explanation.reasonCode).toBe('no-weighted-indicator');
    const r = computePolicyRate([item('A', 0, 10), item('B', 2, 50, false)]);
    expect(r.value).toBeNull();
    expect(r.explanation.reasonCode).toBe('no-weighted-indicator');
  });

  it('refuses negative weights', () => {
    expect(computePolicyRate([item('A', -1, 10), item('B', 1, 50)]).explanation.reasonCode).toBe('invalid-weight');
  });
});
