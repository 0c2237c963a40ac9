import { computeStats, median } from './stats.rule';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('does not reorder the caller array', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
  it('is null for no values and ignores NaN', () => {
    expect(median([])).toBeNull();
    expect(median([Number.NaN, 5])).toBe(5);
  });
});

describe('computeStats', () => {
  it('gives min, median, max, count', () => {
    expect(computeStats([10, 50, 20])).toEqual({ min: 10, median: 20, max: 50, count: 3 });
  });
  it('gives nulls and 0 for no values', () => {
    expect(computeStats([])).toEqual({ min: null, median: null, max: null, count: 0 });
  });
});
