// ISO calendar dates (YYYY-MM-DD) computed in UTC, so no local timezone can shift a day.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parses a strict ISO date; throws on malformed or impossible dates (2023-02-30). */
export function parseIsoDate(date: string): Date {
  const match = ISO_DATE.exec(date);
  if (!match) throw new Error(`Invalid ISO date: "${date}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC silently rolls 2023-02-30 over to March: reject instead
  if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) {
    throw new Error(`Invalid ISO date: "${date}"`);
  }
  return parsed;
}

export function isIsoDate(date: string): boolean {
  try {
    parseIsoDate(date);
    return true;
  } catch {
    return false;
  }
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function yearOf(date: string): number {
  assertIsoDate(date);
  return Number(date.slice(0, 4));
}

/** Negative when a is before b, 0 when equal, positive after (valid ISO dates compare as strings). */
export function compareIsoDates(a: string, b: string): number {
  assertIsoDate(a);
  assertIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

// Rates compare the same few hundred dates millions of times during a large import: remember
// which strings were already found valid (bounded, so memory stays small).
const knownValid = new Set<string>();

function assertIsoDate(date: string): void {
  if (knownValid.has(date)) return;
  parseIsoDate(date);
  if (knownValid.size >= 4096) knownValid.clear();
  knownValid.add(date);
}

export function addDays(date: string, days: number): string {
  return toIsoDate(new Date(parseIsoDate(date).getTime() + days * DAY_MS));
}

export function lastDayOfMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * Adds calendar months. The day is clamped to the target month's length (01-31 + 1 month = 02-28),
 * and a month-end date stays a month-end (02-28 + 1 month = 03-31): indicator series are
 * usually dated on the last day of their period.
 */
export function addMonths(date: string, months: number): string {
  const parsed = parseIsoDate(date);
  const year = parsed.getUTCFullYear();
  const month = parsed.getUTCMonth();
  const day = parsed.getUTCDate();
  const target = new Date(Date.UTC(year, month + months, 1));
  const targetLast = lastDayOfMonth(target.getUTCFullYear(), target.getUTCMonth());
  const isMonthEnd = day === lastDayOfMonth(year, month);
  target.setUTCDate(isMonthEnd ? targetLast : Math.min(day, targetLast));
  return toIsoDate(target);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseIsoDate(b).getTime() - parseIsoDate(a).getTime()) / DAY_MS);
}

export function maxIsoDate(dates: string[]): string | null {
  return dates.reduce<string | null>((max, d) => (max === null || compareIsoDates(d, max) > 0 ? d : max), null);
}
