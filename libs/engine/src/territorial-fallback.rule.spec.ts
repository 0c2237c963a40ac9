import { aggregateOrEntered, reportParentValues } from './territorial-fallback.rule';

describe('reportParentValues (regional values reported to départements)', () => {
  const region = [{ value: 12, date: '2023-06-30' }];
  it("keeps the territory's own values", () => {
    const r = reportParentValues([{ value: 3, date: '2023-06-30' }], region, 'R84');
    expect(r.source).toBe('own');
    expect(r.values[0].value).toBe(3);
  });
  it("reports the region's values when the département has none, and says so", () => {
    const r = reportParentValues([], region, 'R84', 'current value');
    expect(r.source).toBe('parent');
    expect(r.values).toEqual([{ value: 12, date: '2023-06-30', territoryCode: 'R84' }]);
    expect(r.explanation.formula).toBe('no current value for the territory: the 1 current value(s) of R84 are reported');
  });
  it('has nothing when neither has a value', () => {
    expect(reportParentValues([], [], 'R84').source).toBe('none');
  });
});

describe('aggregateOrEntered (règle 544)', () => {
  it('prefers the aggregate of the territories', () => {
    expect(aggregateOrEntered({ value: 10, date: '2026-12-31' }, { value: 9, date: '2026-12-31' }).value?.value).toBe(10);
  });
  it('uses the national value entered until territorial targets exist', () => {
    const r = aggregateOrEntered(null, { value: 9, date: '2026-12-31' });
    expect(r.value?.value).toBe(9);
    expect(r.explanation.ruleId).toBe('national-fallback.entered');
  });
  it('explains when there is neither', () => {
    expect(aggregateOrEntered(null, null).explanation.reasonCode).toBe('missing-target');
  });
});
