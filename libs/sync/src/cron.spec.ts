import { CronError, nextCronTime } from './cron';

const at = (iso: string) => new Date(iso);

describe('nextCronTime', () => {
  it('finds the next minute, hour, day and weekday that match, in UTC', () => {
    expect(nextCronTime('* * * * *', at('2026-12-05T09:10:30Z')).toISOString()).toBe('2026-12-05T09:11:00.000Z');
    expect(nextCronTime('0 7 * * *', at('2026-12-05T09:10:00Z')).toISOString()).toBe('2026-12-06T07:00:00.000Z');
    expect(nextCronTime('*/15 * * * *', at('2026-12-05T09:10:00Z')).toISOString()).toBe('2026-12-05T09:15:00.000Z');
    // 2026-12-05 is a Saturday: next Monday 06:30
    expect(nextCronTime('30 6 * * 1', at('2026-12-05T09:10:00Z')).toISOString()).toBe('2026-12-07T06:30:00.000Z');
    expect(nextCronTime('0 0 1 1 *', at('2026-12-05T09:10:00Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(nextCronTime('0 12 * * 7', at('2026-12-05T09:10:00Z')).toISOString()).toBe('2026-12-06T12:00:00.000Z');
  });

  it('is strictly after the given time', () => {
    expect(nextCronTime('0 7 * * *', at('2026-12-06T07:00:00Z')).toISOString()).toBe('2026-12-07T07:00:00.000Z');
  });

  it('refuses bad expressions, naming the field', () => {
    expect(() => nextCronTime('0 7 * *', at('2026-12-05T00:00:00Z'))).toThrow(/expected 5 fields/);
    expect(() => nextCronTime('61 * * * *', at('2026-12-05T00:00:00Z'))).toThrow(/minute "61"/);
    expect(() => nextCronTime('0 7 31 2 *', at('2026-12-05T00:00:00Z'))).toThrow(CronError);
    expect(() => nextCronTime('0 x * * *', at('2026-12-05T00:00:00Z'))).toThrow(/hour "x"/);
  });
});
