import { chooseInitial, selectInitial } from './select-initial.rule';

describe('selectInitial', () => {
  const vis = [
    { value: 2540, date: '2021-12-31' },
    { value: 2251, date: '2022-12-31' },
  ];
  it('takes the latest VI row: a new VI re-bases the indicator', () => {
    expect(selectInitial(vis)?.value).toBe(2251);
  });
  it('ignores a VI entered for a date after asOf', () => {
    expect(selectInitial(vis, '2022-06-30')?.value).toBe(2540);
    expect(selectInitial(vis, '2021-01-01')).toBeNull();
  });
});

describe("chooseInitial: PILOTE's rules for the VI", () => {
  const vis = [
    { value: 10, date: '2017-12-31' },
    { value: 30, date: '2023-06-30' },
    { value: 20, date: '2021-12-31' },
  ];
  it('latest-as-of (default) is selectInitial', () => {
    expect(chooseInitial(vis, '2022-12-31').value?.value).toBe(20);
    expect(chooseInitial(vis, '2022-12-31').explanation.ruleId).toBe('initial.latest-as-of');
  });
  it('latest-dated takes a VI dated after the rate (PILOTE ≥ 2.5.7) and says so', () => {
    const c = chooseInitial(vis, '2022-12-31', { rule: 'latest-dated', whenMissing: 'none' });
    expect(c.value?.value).toBe(30);
    expect(c.explanation.formula).toContain('dated after the rate (2022-12-31)');
  });
  it('last-imported takes the last entered, whatever its date', () => {
    expect(chooseInitial(vis, '2022-12-31', { rule: 'last-imported', whenMissing: 'none' }).value?.value).toBe(20);
  });
  it('oldest, with notBefore (PILOTE: 2018-01-01)', () => {
    expect(chooseInitial(vis, '2022-12-31', { rule: 'oldest', whenMissing: 'none' }).value?.value).toBe(10);
    const c = chooseInitial(vis, '2022-12-31', { rule: 'oldest', whenMissing: 'none', notBefore: '2018-01-01' });
    expect(c.value?.value).toBe(20);
    expect(c.explanation.formula).toContain('1 dated before 2018-01-01 ignored');
  });
  it('without a VI: null by default, 0 when asked (as PILOTE does), explained', () => {
    expect(chooseInitial([], '2022-12-31').explanation.reasonCode).toBe('missing-initial');
    const zero = chooseInitial([], '2022-12-31', { rule: 'latest-as-of', whenMissing: 'zero' });
    expect(zero.value).toEqual({ value: 0, date: '2022-12-31' });
    expect(zero.explanation.reasonCode).toBe('initial-taken-as-zero');
  });
});
