import { useMemo } from 'react';
import { useQuery } from '../../api/useQuery';
import type { TypedDocumentString } from '../../api/generated/graphql';
import { useUrlState } from '../../state/useUrlState';
import { useAsOf } from './useAsOf';

/** A page's headline rate at the end of the previous period: its query (taking `$asOf`), variables and where the number is. */
export interface AsOfBefore<T> {
  query: string | TypedDocumentString<T, never>;
  variables: Record<string, unknown>;
  pick: (data: T) => number | null | undefined;
}

/** The comparison with the previous period's end, when asked (URL `compare=1`): one answer for the headline and the table's rows. */
export interface AsOfComparison<T> {
  compare: boolean;
  compareTo: string;
  data: T | undefined;
  loading: boolean;
}

/**
 * Asks the page's answer at the end of the previous period, on demand (URL `compare=1`, so a
 * shared link keeps it): a past date is computed again on the server (ADR 042: ~20 s the first
 * time on anct-crte under load), so a page asks it once and reads the headline and its rows from it.
 */
export function useAsOfComparison<T>(before: AsOfBefore<T>, options: { skip?: boolean } = {}): AsOfComparison<T> {
  const { compareTo } = useAsOf();
  const url = useUrlState();
  const compare = url.getBool('compare');
  const previous = useQuery<T>(before.query.toString(), { ...before.variables, asOf: compareTo }, { skip: options.skip || !compare });
  return { compare, compareTo, data: previous.data, loading: previous.loading };
}

/** Each policy's global rate in the comparison answer, for the table's per-row change (PolicyTable `change`). */
export function usePolicyRatesBefore(compareTo: string, rows: { policy: { id: string }; globalRate: { value: number | null } }[] | undefined) {
  return useMemo(() => (rows ? { since: compareTo, before: new Map(rows.map((row) => [row.policy.id, row.globalRate.value])) } : undefined), [compareTo, rows]);
}
