/** Calendar helpers on ISO dates (YYYY-MM-DD), computed in UTC from their arguments only. */

export type Periodicity = 'monthly' | 'quarterly' | 'yearly';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new Error(`Invalid ISO date "${iso}" (expected YYYY-MM-DD)`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) throw new Error(`Invalid ISO date "${iso}"`);
  return { year, month, day };
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day count of a month (month 1–12). */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (UTC). */
export function dayNumber(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

export function addDays(iso: string, days: number): string {
  const date = new Date((dayNumber(iso) + days) * 86_400_000);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** True when `iso` is a real calendar date written YYYY-MM-DD. */
export function isValidIsoDate(iso: string): boolean {
  try {
    parseIsoDate(iso);
    return true;
  } catch {
    return false;
  }
}

const PERIOD_MONTHS: Record<Periodicity, number> = { monthly: 1, quarterly: 3, yearly: 12 };

/**
 * The last day of every period (month, calendar quarter, calendar year) that ends within
 * [from, until], in chronological order.
 */
export function periodEnds(periodicity: Periodicity, from: string, until: string): string[] {
  const step = PERIOD_MONTHS[periodicity];
  const start = parseIsoDate(from);
  const end = parseIsoDate(until);
  const ends: string[] = [];
  for (let year = start.year; year <= end.year; year += 1) {
    for (let month = step; month <= 12; month += step) {
      const iso = isoDate(year, month, lastDayOfMonth(year, month));
      if (iso >= from && iso <= until) ends.push(iso);
    }
  }
  return ends;
}

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "12 mars 2026" ("1er mars 2026" on the first). */
export function frenchDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${day === 1 ? '1er' : day} ${MONTHS_FR[month - 1]} ${year}`;
}
