import { generateTokenSecret, isWellFormedToken, parseTtlDays } from './api-token';
import { safeReturnTo } from '../oidc/auth.controller';

describe('token helpers', () => {
  it('parses lifetimes in days, weeks and years, refusing zero and more than a year', () => {
    expect(parseTtlDays('30d')).toBe(30);
    expect(parseTtlDays('2w')).toBe(14);
    expect(parseTtlDays('1y')).toBe(365);
    expect(parseTtlDays('45')).toBe(45);
    expect(parseTtlDays('0d')).toBeNull();
    expect(parseTtlDays('2y')).toBeNull();
    expect(parseTtlDays('soon')).toBeNull();
  });

  it('generates well-formed, distinct secrets', () => {
    const a = generateTokenSecret();
    expect(isWellFormedToken(a)).toBe(true);
    expect(a).not.toBe(generateTokenSecret());
    expect(isWellFormedToken('pk_short')).toBe(false);
  });

  it('keeps login return paths on this site', () => {
    expect(safeReturnTo('/policies?x=1')).toBe('/policies?x=1');
    expect(safeReturnTo('//evil.example')).toBe('/');
    expect(safeReturnTo('https://evil.example')).toBe('/');
    expect(safeReturnTo('/\\evil.example')).toBe('/');
    expect(safeReturnTo(undefined)).toBe('/');
  });
});
