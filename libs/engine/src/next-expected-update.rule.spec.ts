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

  it('gives the same answer when asked again (answers are remembered)', () => {
    const input = { lastDate: '2023-01-31', periodicity: 'monthly', availabilityDelayDays: 15 } as const;
    expect(nextExpectedUpdate(input)).toBe('2023-03-15');
    expect(nextExpectedUpdate(input)).toBe('2023-03-15');
    expect(nextExpectedUpdate({ ...input, periodicity: 'quarterly' })).toBe('2023-05-15');
  });

  it('refuses an impossible date every time it is asked', () => {
    const input = { lastDate: '2023-02-30', periodicity: 'monthly', availabilityDelayDays: 0 } as const;
    expect(() => nextExpectedUpdate(input)).toThrow('Invalid ISO date: "2023-02-30"');
    expect(() => nextExpectedUpdate(input)).toThrow('Invalid ISO date: "2023-02-30"');
  });
});

describe('isOverdue', () => {
  it('is overdue only after the expected day', () => {
    expect(isOverdue('2023-03-15', '2023-03-15')).toBe(false);
    expect(isOverdue('2023-03-15', '2023-03-16')).toBe(true);
    expect(isOverdue('2023-03-15', '2023-01-01')).toBe(false);
  });
});
