import { aggregateValues } from './aggregate-values.rule';

const children = [
  { territoryCode: 'D01', value: 10, date: '2023-06-30', population: 100 },
  { territoryCode: 'D03', value: 30, date: '2023-08-31', population: 300 },
];

describe('aggregateValues', () => {
  it('sums, dated like the freshest child, every child listed as an input', () => {
    const r = aggregateValues('sum', children);
    expect(r.value).toBe(40);
    expect(r.date).toBe('2023-08-31');
    expect(r.explanation.ruleId).toBe('aggregate.sum');
    expect(r.explanation.formula).toBe('10 + 30 = 40');
    expect(r.explanation.inputs.map((i) => [i.role, i.territoryCode, i.value])).toEqual([
      ['child', 'D01', 10],
      ['child', 'D03', 30],
    ]);
  });

  it('averages', () => {
    const r = aggregateValues('mean', children);
    expect(r.value).toBe(20);
    expect(r.explanation.formula).toBe('(10 + 30) / 2 = 20');
  });

  it('weights the mean by population', () => {
    const r = aggregateValues('population-weighted-mean', children);
    expect(r.value).toBe(25);
    expect(r.explanation.formula).toBe('(10 × 100 + 30 × 300) / (100 + 300) = 25');
    expect(r.explanation.inputs[1].weight).toBe(300);
  });

  it('needs every population for a weighted mean', () => {
    const r = aggregateValues('population-weighted-mean', [children[0], { territoryCode: 'D02', value: 5, date: '2023-06-30' }]);
    expect(r.value).toBeNull();
    expect(r.explanation.reasonCode).toBe('missing-population');
    expect(r.explanation.reason).toContain('D02');
    const zero = aggregateValues('population-weighted-mean', [{ ...children[0], population: 0 }]);
    expect(zero.explanation.reasonCode).toBe('zero-population');
  });

  it('returns null without children', () => {
    const r = aggregateValues('sum', []);
    expect(r.value).toBeNull();
    expect(r.date).toBeNull();
    expect(r.explanation.reasonCode).toBe('no-child');
  });

  it('computes on partial coverage but says "x of y"', () => {
    const r = aggregateValues('sum', children, { expectedChildren: 5 });
    expect(r.value).toBe(40);
    expect(r.coverage).toEqual({ count: 2, expected: 5 });
    expect(r.explanation.reasonCode).toBe('partial-coverage');
    expect(r.explanation.reason).toContain('2 of 5');
    expect(aggregateValues('sum', children, { expectedChildren: 2 }).explanation.reason).toBeUndefined();
  });

  it('refuses a territory counted twice', () => {
    const r = aggregateValues('sum', [children[0], children[0]]);
    expect(r.value).toBeNull();
    expect(r.explanation.reasonCode).toBe('duplicate-child');
  });

  it('summarises a long formula but keeps all inputs', () => {
    const many = Array.from({ length: 101 }, (_, i) => ({ territoryCode: `D${i}`, value: 1, date: '2023-01-31' }));
    const r = aggregateValues('sum', many);
    expect(r.value).toBe(101);
    expect(r.explanation.formula).toBe('sum of 101 values = 101');
    expect(r.explanation.inputs).toHaveLength(101);
  });
});

describe('aggregateValues (structured formula)', () => {
  it('says a sum of counts as an amount, with its terms as numbers for the reader\'s locale', () => {
    const r = aggregateValues('sum', [
      { territoryCode: 'D29', value: 19000.5, date: '2026-03-01' },
      { territoryCode: 'D35', value: 688.5, date: '2026-03-01' },
    ]);
    expect(r.explanation).toMatchObject({ formulaKey: 'sum', formulaParams: { terms: [19000.5, 688.5], value: 19689 }, unit: 'amount' });
  });
});
