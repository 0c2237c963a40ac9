import { computeIndicatorRate } from './indicator-rate.rule';
import type { DatedValue, Direction } from './types';

const dv = (value: number, date = '2023-06-30'): DatedValue => ({ value, date });
const rate = (direction: Direction, vi: number, va: number, vc: number) =>
  computeIndicatorRate({ direction, initial: dv(vi, '2022-01-01'), current: dv(va), target: dv(vc, '2026-12-31') }).value;

describe('computeIndicatorRate', () => {
  it('rising: share of the way from VI to VC, with the numbers in the formula', () => {
    const r = computeIndicatorRate({ direction: 'rising', initial: dv(40), current: dv(62), target: dv(80) });
    expect(r.value).toBe(55);
    expect(r.explanation.ruleId).toBe('indicator-rate.rising');
    expect(r.explanation.formula).toBe('100 × (62 − 40) / (80 − 40) = 55');
    expect(r.explanation.inputs.map((i) => [i.role, i.value])).toEqual([
      ['initial', 40],
      ['current', 62],
      ['target', 80],
    ]);
  });

  it('falling: same formula, the denominator is negative', () => {
    expect(rate('falling', 171, 169, 0)).toBeCloseTo(1.1695906, 6);
    expect(rate('falling', 100, 75, 50)).toBe(50);
  });

  it('keeps the value unrounded while the formula is rounded', () => {
    const r = computeIndicatorRate({ direction: 'rising', initial: dv(30), current: dv(83.3), target: dv(100) });
    expect(r.value).toBeCloseTo(76.142857142857, 10);
    expect(r.explanation.formula).toBe('100 × (83.3 − 30) / (100 − 30) = 76.14');
  });

  it('clamps over-achievement to 100 and regression to 0, saying so', () => {
    const over = computeIndicatorRate({ direction: 'rising', initial: dv(0), current: dv(248.28), target: dv(240) });
    expect(over.value).toBe(100);
    expect(over.explanation.formula).toMatch(/= 103\.45, clamped to 100$/);
    expect(rate('rising', 50, 40, 100)).toBe(0);
    expect(rate('falling', 50, 60, 10)).toBe(0);
  });

  it('rising with VI ≥ VC: all or nothing on whether VA ≥ VC', () => {
    expect(rate('rising', 96, 96, 96)).toBe(100);
    expect(rate('rising', 96, 95, 90)).toBe(100);
    expect(rate('rising', 96, 89, 90)).toBe(0);
    const r = computeIndicatorRate({ direction: 'rising', initial: dv(96), current: dv(89), target: dv(90) });
    expect(r.explanation.ruleId).toBe('indicator-rate.rising.target-not-ahead');
    expect(r.explanation.formula).toBe('VI 96 ≥ VC 90, so met or not: VA 89 < VC 90 ⇒ 0');
  });

  it('falling with VI ≤ VC: all or nothing on whether VA ≤ VC', () => {
    expect(rate('falling', 0, 0, 0)).toBe(100);
    expect(rate('falling', 0, 3, 5)).toBe(100);
    expect(rate('falling', 0, 6, 5)).toBe(0);
  });

  it('direction matters: the same numbers give different rates', () => {
    expect(rate('rising', 20, 30, 60)).toBe(25);
    expect(rate('falling', 20, 30, 60)).toBe(100);
    expect(rate('falling', 60, 50, 20)).toBe(25);
    expect(rate('rising', 60, 50, 20)).toBe(100);
    expect(rate('rising', 60, 10, 20)).toBe(0);
  });

  it('handles negative values', () => {
    const r = computeIndicatorRate({ direction: 'falling', initial: dv(-29.5), current: dv(-32.2), target: dv(-34.9) });
    expect(r.value).toBeCloseTo(50, 10);
    expect(r.explanation.formula).toBe('100 × ((−32.2) − (−29.5)) / ((−34.9) − (−29.5)) = 50');
  });

  it.each([
    ['initial', 'missing-initial'],
    ['current', 'missing-current'],
    ['target', 'missing-target'],
  ] as const)('returns null with a reason when the %s value is missing', (field, code) => {
    const input = { direction: 'rising' as const, initial: dv(1), current: dv(2), target: dv(3), [field]: null };
    const r = computeIndicatorRate(input);
    expect(r.value).toBeNull();
    expect(r.explanation.reasonCode).toBe(code);
    expect(r.explanation.reason).toContain(field);
  });

  it('names every missing input, and treats NaN as missing', () => {
    const r = computeIndicatorRate({ direction: 'rising', initial: null, current: dv(Number.NaN), target: dv(3) });
    expect(r.explanation.reasonCode).toBe('missing-initial');
    expect(r.explanation.reason).toContain('initial, current');
  });

  it('copies dates and provenance into the inputs', () => {
    const r = computeIndicatorRate({
      direction: 'rising',
      initial: { value: 1, date: '2022-12-31', provenance: 'import', territoryCode: 'D01' },
      current: dv(2),
      target: dv(3, '2026-12-31'),
    });
    expect(r.explanation.inputs[0]).toMatchObject({ date: '2022-12-31', provenance: 'import', territoryCode: 'D01' });
    expect(r.explanation.inputs[2].date).toBe('2026-12-31');
  });
});
