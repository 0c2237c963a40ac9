import { selectTargets } from './select-targets.rule';

const yearly = [
  { value: 88, date: '2026-12-31' },
  { value: 83, date: '2023-12-31' },
  { value: 85, date: '2024-12-31' },
  { value: 87, date: '2025-12-31' },
];

describe('selectTargets', () => {
  it('annual = the target of asOf year, global = the last one', () => {
    const s = selectTargets(yearly, '2023-06-30');
    expect(s.annual?.value).toBe(83);
    expect(s.annualSource).toBe('in-year');
    expect(s.global?.value).toBe(88);
  });
  it('keeps the in-year target even once its date has passed', () => {
    expect(selectTargets(yearly, '2024-12-31').annual?.value).toBe(85);
  });
  it('takes the latest target when a year has several', () => {
    const s = selectTargets([{ value: 10, date: '2023-06-30' }, { value: 20, date: '2023-12-31' }], '2023-01-15');
    expect(s.annual?.value).toBe(20);
  });
  it('falls back to the next future target when the year has none', () => {
    const s = selectTargets([{ value: 100, date: '2026-12-31' }, { value: 50, date: '2021-12-31' }], '2023-08-31');
    expect(s.annual?.value).toBe(100);
    expect(s.annualSource).toBe('next-future');
  });
  it('has no annual target once all targets are past, but still a global one', () => {
    const s = selectTargets([{ value: 92, date: '2023-12-31' }], '2024-03-31');
    expect(s.annual).toBeNull();
    expect(s.annualSource).toBe('none');
    expect(s.global?.value).toBe(92);
  });
  it('returns nulls for no target', () => {
    expect(selectTargets([], '2023-01-01')).toEqual({ annual: null, global: null, annualSource: 'none' });
  });
});
