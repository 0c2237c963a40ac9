import { useMemo } from 'react';
import { useUrlState } from '../../state/useUrlState';
import { previousPeriodEnd, todayIso, validAsOf } from './asOfDates';

/**
 * The date a page is read at, from the URL (`asOf`, like every view parameter): null means today
 * (nothing sent, the kept rates answer). `compareTo` is the end of the previous period.
 */
export function useAsOf(): { asOf: string | null; date: string; compareTo: string; today: string } {
  const url = useUrlState();
  const raw = url.get('asOf');
  return useMemo(() => {
    const today = todayIso();
    const asOf = validAsOf(raw, today);
    const date = asOf ?? today;
    return { asOf: asOf === today ? null : asOf, date, compareTo: previousPeriodEnd(date), today };
  }, [raw]);
}
