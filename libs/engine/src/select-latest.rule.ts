import { compareIsoDates } from './dates';
import type { DatedValue } from './types';

/**
 * The value with the latest date on or before `asOf` (all values when `asOf` is omitted).
 * Two values on the same date: the later one in the array wins (the last entered).
 */
export function selectLatest(values: DatedValue[], asOf?: string): DatedValue | null {
  let latest: DatedValue | null = null;
  for (const v of values) {
    if (asOf !== undefined && compareIsoDates(v.date, asOf) > 0) continue;
    if (latest === null || compareIsoDates(v.date, latest.date) >= 0) latest = v;
  }
  return latest;
}
