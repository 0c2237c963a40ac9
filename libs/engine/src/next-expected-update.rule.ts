import { addDays, addMonths, compareIsoDates } from './dates';

export type Periodicity = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'semiannual' | 'yearly';

export interface NextExpectedUpdateInput {
  /** date of the last value (the period it describes, not when it was published) */
  lastDate: string;
  periodicity: Periodicity;
  /** days between the end of a period and its value being available */
  availabilityDelayDays: number;
}

/** When the next value should be there: lastDate + one period + the availability delay (ISO date). */
export function nextExpectedUpdate({ lastDate, periodicity, availabilityDelayDays }: NextExpectedUpdateInput): string {
  // A home page asks this of every indicator (2,000 at national scale) for a handful of distinct
  // inputs: remember the answers (bounded; only valid inputs get here, invalid ones throw).
  const key = `${lastDate}|${periodicity}|${availabilityDelayDays}`;
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const next = addDays(addPeriod(lastDate, periodicity), availabilityDelayDays);
  if (remembered.size >= 4096) remembered.clear();
  remembered.set(key, next);
  return next;
}

const remembered = new Map<string, string>();

/** Overdue once asOf is strictly after the expected date: the expected day itself is still on time. */
export function isOverdue(next: string, asOf: string): boolean {
  return compareIsoDates(asOf, next) > 0;
}

function addPeriod(date: string, periodicity: Periodicity): string {
  switch (periodicity) {
    case 'daily':
      return addDays(date, 1);
    case 'weekly':
      return addDays(date, 7);
    case 'monthly':
      return addMonths(date, 1);
    case 'quarterly':
      return addMonths(date, 3);
    case 'semiannual':
      return addMonths(date, 6);
    case 'yearly':
      return addMonths(date, 12);
  }
}
