import { previousPeriodEnd, rateDelta, todayIso, validAsOf } from './asOfDates';

describe('as-of dates', () => {
  it('accepts only a real day up to today', () => {
    expect(validAsOf('2025-12-31', '2026-12-05')).toBe('2025-12-31');
    expect(validAsOf('2025-02-30', '2026-12-05')).toBeNull();
    expect(validAsOf('2026-12-06', '2026-12-05')).toBeNull();
    expect(validAsOf('31/12/2025', '2026-12-05')).toBeNull();
    expect(validAsOf(null, '2026-12-05')).toBeNull();
    expect(todayIso(new Date(2026, 0, 9))).toBe('2026-01-09');
  });

  it('compares with the end of the previous year, in points with a direction', () => {
    expect(previousPeriodEnd('2026-12-05')).toBe('2025-12-31');
    expect(previousPeriodEnd('2026-01-01')).toBe('2025-12-31');
    expect(rateDelta(58, 54)).toEqual({ delta: 4, direction: 'up' });
    expect(rateDelta(50.04, 50)).toEqual({ delta: 0, direction: 'flat' });
    expect(rateDelta(40, 52.56)).toEqual({ delta: -12.6, direction: 'down' });
    expect(rateDelta(40, null)).toBeNull();
  });
});
