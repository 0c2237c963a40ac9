import { selectInitial } from './select-initial.rule';

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
