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
  return addDays(addPeriod(lastDate, periodicity), availabilityDelayDays);
}

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
