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
