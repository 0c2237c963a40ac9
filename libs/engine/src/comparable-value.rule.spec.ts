import { computeComparableValue, decumulate, DEFAULT_COMPARABLE_VALUE, parsePiloteComparable, toPiloteComparable } from './comparable-value.rule';

const monthly = [
  { value: 17062, date: '2023-06-30' },
  { value: 17318, date: '2023-07-31' },
  { value: 17639, date: '2023-08-31' },
];

describe('computeComparableValue (PILOTE VACA/VACG)', () => {
  it('by default is the latest current value, as entered', () => {
    const c = computeComparableValue(monthly, '2023-12-31');
    expect(c.value).toEqual({ value: 17639, date: '2023-08-31' });
    expect(c.explanation.ruleId).toBe('comparable-value.current');
    expect(c.explanation.formula).toBe('latest current value: 17 639 (2023-08-31)');
  });

  it('sums the values since 1 January, with the terms in the formula', () => {
    const c = computeComparableValue([{ value: 9, date: '2022-12-31' }, ...monthly], '2023-08-31', { ...DEFAULT_COMPARABLE_VALUE, operation: 'sum' });
    expect(c.value).toEqual({ value: 52019, date: '2023-08-31' });
    expect(c.explanation.formula).toBe('sum of 3 values since 1 January: 17 062 + 17 318 + 17 639 = 52 019');
    expect(c.explanation.inputs.map((i) => i.value)).toEqual([17062, 17318, 17639]);
  });

  it('averages over the previous N months (the window ends at the latest value)', () => {
    const c = computeComparableValue(monthly, '2023-08-31', { ...DEFAULT_COMPARABLE_VALUE, operation: 'mean', window: { kind: 'previous-months', months: 2 } });
    expect(c.value?.value).toBeCloseTo((17318 + 17639) / 2, 10);
    expect(c.explanation.formula).toBe('mean of 2 values of the last 2 months: (17 318 + 17 639) / 2 = 17 478.5');
  });

  it('counts from a custom date, and ignores values after asOf', () => {
    const c = computeComparableValue(monthly, '2023-07-31', { ...DEFAULT_COMPARABLE_VALUE, operation: 'sum', window: { kind: 'custom-date', date: '2023-07-01' } });
    expect(c.value).toEqual({ value: 17318, date: '2023-07-31' });
  });

  it('de-cumulates a running total from 1 January before taking the latest value', () => {
    const cumulative = [
      { value: 50, date: '2022-12-31' },
      { value: 10, date: '2023-01-31' },
      { value: 25, date: '2023-02-28' },
      { value: 45, date: '2023-03-31' },
    ];
    expect(decumulate(cumulative, { kind: 'year-start' }).map((v) => v.value)).toEqual([50, 10, 15, 20]);
    const c = computeComparableValue(cumulative, '2023-03-31', { ...DEFAULT_COMPARABLE_VALUE, decumulate: { kind: 'year-start' } });
    expect(c.value?.value).toBe(20);
    expect(c.explanation.formula).toBe('latest current value, de-cumulated from 1 January: 45 − 25 = 20 (2023-03-31)');
    const mean = computeComparableValue(cumulative, '2023-03-31', { decumulate: { kind: 'year-start' }, operation: 'mean', window: { kind: 'year-start' } });
    expect(mean.value?.value).toBe(15);
  });

  it('de-cumulates from a custom date: values before it are kept as they are', () => {
    const d = decumulate([{ value: 5, date: '2023-01-31' }, { value: 7, date: '2023-02-28' }, { value: 12, date: '2023-03-31' }], { kind: 'custom-date', date: '2023-02-01' });
    expect(d.map((v) => v.value)).toEqual([5, 7, 5]);
  });

  it('has no value without a current value on or before asOf', () => {
    const c = computeComparableValue(monthly, '2023-01-01', { ...DEFAULT_COMPARABLE_VALUE, operation: 'sum' });
    expect(c.value).toBeNull();
    expect(c.explanation.reasonCode).toBe('missing-current');
  });
});

describe("PILOTE v2's parameter strings", () => {
  it('reads and writes them back', () => {
    const p = parsePiloteComparable({ decumul_from: 'from_year_start', partition_date: 'from_previous_month::3', op: 'moy' });
    expect(p).toEqual({ decumulate: { kind: 'year-start' }, window: { kind: 'previous-months', months: 3 }, operation: 'mean' });
    expect(toPiloteComparable(p)).toEqual({ decumul_from: 'from_year_start', partition_date: 'from_previous_month::3', op: 'moy' });
    const custom = parsePiloteComparable({ decumul_from: 'from_custom_date::2023-03-01', partition_date: 'from_custom_date::2023-04-01', op: 'sum' });
    expect(toPiloteComparable(custom)).toEqual({ decumul_from: 'from_custom_date::2023-03-01', partition_date: 'from_custom_date::2023-04-01', op: 'sum' });
  });
  it('keeps the default for empty values and names the parameter of an unknown one', () => {
    expect(parsePiloteComparable({ decumul_from: '', partition_date: null, op: undefined })).toEqual(DEFAULT_COMPARABLE_VALUE);
    expect(() => parsePiloteComparable({ op: 'median' })).toThrow(/^op: unknown value "median"/);
    expect(() => parsePiloteComparable({ partition_date: 'from_previous_month::x' })).toThrow(/partition_date/);
    expect(() => parsePiloteComparable({ decumul_from: 'from_custom_date::2023-02-30' })).toThrow();
  });
});
