/**
 * Territory codes are unique across levels thanks to a one-letter prefix (R84, D13, D2A, D971,
 * E<siren>, C<insee>); FRANCE has none. The official code is the code without that letter.
 */
const PREFIXED = /^[A-Z](?=\d|2[AB])/;

/** Code shown to users: the official (INSEE/SIREN) code ("R84" → "84", "D2A" → "2A"). */
export function displayCode(code: string): string {
  return code.replace(PREFIXED, '');
}

/** The SVG id of a département in @svg-maps (INSEE code: 01…95, 2A, 2B), or 971… for overseas. */
export function departmentSvgId(code: string): string | null {
  const match = /^D(\d{2,3}|2[AB])$/.exec(code);
  return match ? match[1] : null;
}

// Corsica (2A, 2B) sorts where the former 20 was, between 19 and 21.
const sortKey = (code: string) => displayCode(code).replace(/^2([AB])$/, '20$1');

export function compareCodes(a: string, b: string): number {
  return sortKey(a).localeCompare(sortKey(b), 'fr', { numeric: true });
}

/** A région of the French referential (R84): the SVG of départements can colour it through them. */
export function isRegionCode(code: string): boolean {
  return /^R\d{2}$/.test(code);
}
