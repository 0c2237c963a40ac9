import { computeIndicatorRates } from './indicator-rates.rule';

const base = {
  direction: 'rising' as const,
  initials: [{ value: 81.8, date: '2022-09-30' }],
  currents: [
    { value: 82, date: '2022-12-31' },
    { value: 82.4, date: '2023-06-30' },
    { value: 90, date: '2024-06-30' },
  ],
  targets: [
    { value: 83, date: '2023-12-31' },
    { value: 85, date: '2024-12-31' },
    { value: 88, date: '2026-12-31' },
  ],
};

describe('computeIndicatorRates', () => {
  it('computes the annual rate against this year target and the global one against the last', () => {
    const r = computeIndicatorRates({ ...base, asOf: '2023-08-31' });
    expect(r.current?.value).toBe(82.4);
    expect(r.annualTarget?.value).toBe(83);
    expect(r.globalTarget?.value).toBe(88);
    expect(r.annual.value).toBeCloseTo(50, 10); // 100 × 0.6 / 1.2
    expect(r.global.value).toBeCloseTo(9.6774, 3); // 100 × 0.6 / 6.2
    expect(r.annual.explanation.ruleId).toBe('indicator-rate.annual');
    expect(r.global.explanation.ruleId).toBe('indicator-rate.global');
    expect(r.annual.explanation.steps?.[0].ruleId).toBe('indicator-rate.rising');
    expect(r.annual.explanation.inputs.find((i) => i.role === 'target')?.label).toBe('annual target (2023)');
  });

  it('ignores values entered after asOf', () => {
    const r = computeIndicatorRates({ ...base, asOf: '2022-12-31' });
    expect(r.current?.value).toBe(82);
    // no 2022 target: the next one (2023) is this year's aim
    expect(r.annualTarget?.value).toBe(83);
    expect(r.annual.explanation.inputs.find((i) => i.role === 'target')?.label).toContain('next target');
  });

  it('explains a missing target for the annual rate and still gives the global one', () => {
    const r = computeIndicatorRates({ ...base, targets: [{ value: 83, date: '2023-12-31' }], asOf: '2024-06-30' });
    expect(r.annual.value).toBeNull();
    expect(r.annual.explanation.reasonCode).toBe('missing-target');
    expect(r.annual.explanation.reason).toContain('2024');
    expect(r.global.value).toBe(100);
  });

  it('returns null rates with reasons when there is no data', () => {
    const r = computeIndicatorRates({ direction: 'falling', initials: [], currents: [], targets: [], asOf: '2023-01-01' });
    expect(r.global.value).toBeNull();
    expect(r.global.explanation.reasonCode).toBe('missing-initial');
    expect(r.initial).toBeNull();
  });
});

describe('computeIndicatorRates with PILOTE calculation parameters', () => {
  // IND-736, D02, in the baromètre of November 2023: published 63.035
  const d02 = {
    direction: 'rising' as const,
    initials: [{ value: 17946, date: '2022-12-31' }],
    currents: [
      { value: 17062, date: '2023-06-30' },
      { value: 17318, date: '2023-07-31' },
      { value: 17639, date: '2023-08-31' },
    ],
    targets: [{ value: 72000, date: '2026-12-31' }],
    asOf: '2023-08-31',
  };

  it('rates the sum of the current values since 1 January when VACG says so', () => {
    const sum = { decumulate: { kind: 'none' as const }, window: { kind: 'year-start' as const }, operation: 'sum' as const };
    const r = computeIndicatorRates({ ...d02, params: { globalComparable: sum } });
    expect(r.global.value).toBeCloseTo(63.035, 3);
    expect(r.comparable.global?.value).toBe(52019);
    expect(r.current?.value).toBe(17639);
    const steps = r.global.explanation.steps ?? [];
    expect(steps[0].formula).toBe('sum of 3 values since 1 January: 17 062 + 17 318 + 17 639 = 52 019');
    expect(r.global.explanation.inputs.find((i) => i.role === 'current')?.label).toBe('comparable current value (VACG: sum)');
    // the annual rate keeps its own (default) comparable value
    expect(r.comparable.annual?.value).toBe(17639);
  });

  it('keeps the historical result with no parameters', () => {
    const r = computeIndicatorRates(d02);
    expect(r.global.value).toBe(0);
    expect(r.global.explanation.steps).toHaveLength(1);
  });

  it('takes a missing VI as 0 when asked, and explains it', () => {
    const r = computeIndicatorRates({ ...d02, initials: [], params: { initial: { rule: 'latest-as-of', whenMissing: 'zero' } } });
    expect(r.global.value).toBeCloseTo((100 * 17639) / 72000, 10);
    expect(r.global.explanation.steps?.[0].reasonCode).toBe('initial-taken-as-zero');
  });

  it("uses the current value's year for the annual target when asked (PILOTE taa_courant)", () => {
    const targets = [{ value: 20, date: '2022-12-31' }, { value: 30, date: '2023-12-31' }];
    const input = { direction: 'rising' as const, initials: [{ value: 0, date: '2021-12-31' }], currents: [{ value: 10, date: '2022-12-31' }], targets, asOf: '2023-03-31' };
    expect(computeIndicatorRates(input).annualTarget?.value).toBe(30);
    const r = computeIndicatorRates({ ...input, params: { annualTargetYear: 'current-value' } });
    expect(r.annualTarget?.value).toBe(20);
    expect(r.annual.value).toBe(50);
  });

  it('caps the global target date (PILOTE vcg_max_date)', () => {
    const targets = [{ value: 20, date: '2027-12-31' }, { value: 40, date: '2030-12-31' }];
    const input = { direction: 'rising' as const, initials: [{ value: 0, date: '2021-12-31' }], currents: [{ value: 10, date: '2022-12-31' }], targets, asOf: '2023-03-31' };
    expect(computeIndicatorRates({ ...input, params: { globalTargetMaxDate: '2028-01-01' } }).globalTarget?.value).toBe(20);
  });

  it('rates the latest proposed value apart (PILOTE VACP)', () => {
    const r = computeIndicatorRates({ ...d02, proposedCurrents: [{ value: 45000, date: '2023-08-31' }] });
    expect(r.proposed?.global.value).toBeCloseTo((100 * (45000 - 17946)) / (72000 - 17946), 10);
    expect(r.proposed?.global.explanation.ruleId).toBe('indicator-rate.proposed-global');
    expect(r.global.value).toBe(0);
  });
});
