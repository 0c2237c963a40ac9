import { compareIsoDates, yearOf } from './dates';
import type { DatedValue } from './types';

export type AnnualTargetSource = 'in-year' | 'next-future' | 'none';

export interface SelectedTargets {
  /** the target of asOf's year, or the next one to come */
  annual: DatedValue | null;
  /** the target with the latest date (the policy's end target) */
  global: DatedValue | null;
  /** how `annual` was found, for the explanation */
  annualSource: AnnualTargetSource;
}

export interface SelectTargetsOptions {
  /** the year of the annual target; default asOf's year (PILOTE's "règle 620"); PILOTE's
   * "TA de l'année en cours" uses the current value's year */
  annualYear?: number;
  /** targets dated after it are not the global target (PILOTE: vcg_max_date 2028-01-01) */
  globalMaxDate?: string;
}

/**
 * annual: the latest target dated in asOf's year; when that year has none, the first target
 * dated after asOf (a 2026-only target is also this year's target to aim for).
 * global: the target with the latest date, whatever asOf. Equal dates: the last entered wins.
 */
export function selectTargets(targets: DatedValue[], asOf: string, opts: SelectTargetsOptions = {}): SelectedTargets {
  const year = opts.annualYear ?? yearOf(asOf);
  const capped = opts.globalMaxDate === undefined ? targets : targets.filter((t) => compareIsoDates(t.date, opts.globalMaxDate as string) <= 0);
  let inYear: DatedValue | null = null;
  let nextFuture: DatedValue | null = null;
  let global: DatedValue | null = null;
  for (const t of capped) if (global === null || compareIsoDates(t.date, global.date) >= 0) global = t;
  for (const t of targets) {
    if (yearOf(t.date) === year) {
      if (inYear === null || compareIsoDates(t.date, inYear.date) >= 0) inYear = t;
    } else if (compareIsoDates(t.date, asOf) > 0) {
      if (nextFuture === null || compareIsoDates(t.date, nextFuture.date) < 0) nextFuture = t;
    }
  }
  if (inYear !== null) return { annual: inYear, global, annualSource: 'in-year' };
  if (nextFuture !== null) return { annual: nextFuture, global, annualSource: 'next-future' };
  return { annual: null, global, annualSource: 'none' };
}
