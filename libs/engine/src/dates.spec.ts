import { addDays, addMonths, compareIsoDates, daysBetween, isIsoDate, maxIsoDate, parseIsoDate, yearOf } from './dates';

describe('dates', () => {
  it('parses in UTC whatever the local timezone', () => {
    expect(parseIsoDate('2023-01-01').toISOString()).toBe('2023-01-01T00:00:00.000Z');
  });
  it('rejects malformed and impossible dates', () => {
    expect(isIsoDate('2023-02-30')).toBe(false);
    expect(isIsoDate('2023-2-3')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(() => compareIsoDates('2023-13-01', '2023-01-01')).toThrow('Invalid ISO date');
  });
  it('adds days across a DST change and a year end', () => {
    expect(addDays('2023-03-25', 2)).toBe('2023-03-27');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2023-01-10', -10)).toBe('2022-12-31');
  });
  it('adds months, clamping to month length and keeping month ends', () => {
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2023-02-28', 1)).toBe('2023-03-31');
    expect(addMonths('2024-01-15', 1)).toBe('2024-02-15');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });
  it('compares, counts days and finds the max', () => {
    expect(compareIsoDates('2023-01-02', '2023-01-10')).toBeLessThan(0);
    expect(daysBetween('2023-12-31', '2024-03-01')).toBe(61);
    expect(maxIsoDate(['2023-05-01', '2024-01-01', '2023-12-31'])).toBe('2024-01-01');
    expect(maxIsoDate([])).toBeNull();
    expect(yearOf('2023-12-31')).toBe(2023);
  });
});
