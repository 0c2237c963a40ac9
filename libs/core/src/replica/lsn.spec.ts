import { lsnAtOrPast, parseLsn } from './lsn';

describe('write-ahead log positions', () => {
  it('compares the high part before the low part, in hexadecimal', () => {
    expect(lsnAtOrPast('1/0', '0/FFFFFFFF')).toBe(true);
    expect(lsnAtOrPast('0/FFFFFFFF', '1/0')).toBe(false);
    expect(lsnAtOrPast('0/A', '0/9')).toBe(true);
    expect(lsnAtOrPast('16/B374D848', '16/B374D848')).toBe(true);
  });

  it('never says yes for something that is not a position (a forged cookie, a primary without replay)', () => {
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect(parseLsn('drop table')).toBeNull();
    expect(lsnAtOrPast(null, '0/1')).toBe(false);
    expect(lsnAtOrPast('0/1', 'not-an-lsn')).toBe(false);
  });
});
