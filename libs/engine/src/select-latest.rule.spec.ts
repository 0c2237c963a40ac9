import { selectLatest } from './select-latest.rule';

const values = [
  { value: 1, date: '2023-01-31' },
  { value: 3, date: '2023-03-31' },
  { value: 2, date: '2023-02-28' },
];

describe('selectLatest', () => {
  it('takes the latest date, whatever the array order', () => {
    expect(selectLatest(values)?.value).toBe(3);
  });
  it('ignores values after asOf, and keeps a value dated on asOf', () => {
    expect(selectLatest(values, '2023-03-30')?.value).toBe(2);
    expect(selectLatest(values, '2023-02-28')?.value).toBe(2);
  });
  it('returns null when nothing is on or before asOf, or nothing at all', () => {
    expect(selectLatest(values, '2022-12-31')).toBeNull();
    expect(selectLatest([])).toBeNull();
  });
  it('on equal dates, the last entered wins (a correction)', () => {
    expect(selectLatest([{ value: 1, date: '2023-01-31' }, { value: 9, date: '2023-01-31' }])?.value).toBe(9);
  });
});
