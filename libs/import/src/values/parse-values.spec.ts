import { parseDate } from './parse-date';
import { parseNumber } from './parse-number';

describe('parseNumber', () => {
  it.each([
    ['12', 12], ['12,5', 12.5], ['12.5', 12.5], ['-0,125', -0.125], ['+3', 3], ['1 234,5', 1234.5], ['1\u00a0234\u202f567', 1234567], [',5', 0.5], ['1e-7', 1e-7], ['1,5e3', 1500], [' 7 ', 7],
  ])('reads %s as %d', (raw, value) => {
    expect(parseNumber(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['=1+1', 'formula'], ['@SUM(A1)', 'formula'], ['-cmd', 'formula'], ['+A1', 'formula'], ['12abc', 'notANumber'], ['douze', 'notANumber'], ['1.234,5', 'ambiguousSeparators'], ['1,234.5', 'ambiguousSeparators'], ['1 23', 'notANumber'],
  ])('refuses %s (%s)', (raw, reason) => {
    expect(parseNumber(raw)).toEqual({ ok: false, reason });
  });
});

describe('parseDate', () => {
  it.each([
    ['31/12/2023', '2023-12-31'], ['1/2/2024', '2024-02-01'], ['29/02/24', '2024-02-29'], ['31/12/99', '1999-12-31'], ['2023-12-31', '2023-12-31'],
  ])('reads %s as %s', (raw, value) => {
    expect(parseDate(raw)).toEqual({ ok: true, value });
  });

  it.each([['31/02/2023', 'impossibleDate'], ['29/02/2023', 'impossibleDate'], ['2023-13-01', 'impossibleDate'], ['00/01/2023', 'impossibleDate'], ['12/31/2023', 'impossibleDate'], ['2023/12/31', 'notADate'], ['demain', 'notADate']])(
    'refuses %s (%s)',
    (raw, reason) => {
      expect(parseDate(raw)).toEqual({ ok: false, reason });
    },
  );
});
