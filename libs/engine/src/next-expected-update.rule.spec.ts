import { isOverdue, nextExpectedUpdate } from './next-expected-update.rule';

describe('nextExpectedUpdate', () => {
  it.each([
    ['daily', '2023-12-31', 0, '2024-01-01'],
    ['weekly', '2023-12-28', 0, '2024-01-04'],
    ['monthly', '2023-01-31', 15, '2023-03-15'],
    ['quarterly', '2023-03-31', 45, '2023-08-14'],
    ['semiannual', '2023-06-30', 0, '2023-12-31'],
    ['yearly', '2022-12-31', 90, '2024-03-30'],
  ] as const)('%s from %s + %i days delay', (periodicity, lastDate, availabilityDelayDays, expected) => {
    expect(nextExpectedUpdate({ lastDate, periodicity, availabilityDelayDays })).toBe(expected);
  });
});

describe('isOverdue', () => {
  it('is overdue only after the expected day', () => {
    expect(isOverdue('2023-03-15', '2023-03-15')).toBe(false);
    expect(isOverdue('2023-03-15', '2023-03-16')).toBe(true);
    expect(isOverdue('2023-03-15', '2023-01-01')).toBe(false);
  });
});
