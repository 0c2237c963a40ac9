export type DateParse = { ok: true; value: string } | { ok: false; reason: 'impossibleDate' | 'notADate' };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const FRENCH = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;

/**
 * Reads DD/MM/YYYY, DD/MM/YY (00–69 → 20xx, 70–99 → 19xx, as POSIX %y) and YYYY-MM-DD into
 * an ISO date. A well-formed but impossible date (31/02/2023) is its own error.
 */
export function parseDate(raw: string): DateParse {
  const text = raw.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = ISO.exec(text);
  const french = iso ? null : FRENCH.exec(text);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (french) {
    day = Number(french[1]);
    month = Number(french[2]);
    year = Number(french[3]);
    if (french[3].length === 2) year += year < 70 ? 2000 : 1900;
  } else {
    return { ok: false, reason: 'notADate' };
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || year < 1900 || year > 2200) return { ok: false, reason: 'impossibleDate' };
  return { ok: true, value: `${year}-${pad(month)}-${pad(day)}` };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Gregorian month length, without building a Date (this runs for every row of a file). */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

const pad = (n: number) => String(n).padStart(2, '0');
