/** Today in the reader's calendar, as YYYY-MM-DD (the picker's upper bound). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A calendar day YYYY-MM-DD not after `today`, or null (a bad date in a link is ignored, never sent). */
export function validAsOf(value: string | null, today: string): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value) || value > today) return null;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.toISOString().slice(0, 10) === value ? value : null;
}

/** The end of the previous period the page compares with: 31 December of the year before the date read. */
export function previousPeriodEnd(asOf: string): string {
  return `${Number(asOf.slice(0, 4)) - 1}-12-31`;
}

/** A rate's change between two dates, in points, with its direction; null when either is missing. */
export function rateDelta(now: number | null | undefined, before: number | null | undefined): { delta: number; direction: 'up' | 'down' | 'flat' } | null {
  if (now === null || now === undefined || before === null || before === undefined) return null;
  const raw = now - before;
  const delta = (Math.sign(raw) * Math.round(Math.abs(raw) * 10)) / 10 || 0;
  return { delta, direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat' };
}
