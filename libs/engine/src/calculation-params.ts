import { DEFAULT_COMPARABLE_VALUE, describeComparable, type ComparableValueParams } from './comparable-value.rule';
import { DEFAULT_INITIAL, describeInitialRule, type InitialParams } from './select-initial.rule';

/**
 * PILOTE's per-indicator calculation parameters (its `metadata_parametrage_indicateurs`), as the
 * engine reads them. Every field has a default that keeps the kit's historical behaviour.
 */
export interface CalculationParams {
  /** which VI, and what to do without one */
  initial: InitialParams;
  /** VACA: the current value the annual rate compares with its target */
  annualComparable: ComparableValueParams;
  /** VACG: the current value the global rate compares with its target */
  globalComparable: ComparableValueParams;
  /**
   * the annual target's year: 'as-of' = the year of the rate's date (PILOTE's "règle 620",
   * `taa_adate`); 'current-value' = the year of the current value (PILOTE's `taa_courant`)
   */
  annualTargetYear: 'as-of' | 'current-value';
  /** targets dated after it are never the global one (PILOTE: `vcg_max_date` 2028-01-01) */
  globalTargetMaxDate?: string;
}

export const DEFAULT_CALCULATION_PARAMS: CalculationParams = {
  initial: DEFAULT_INITIAL,
  annualComparable: DEFAULT_COMPARABLE_VALUE,
  globalComparable: DEFAULT_COMPARABLE_VALUE,
  annualTargetYear: 'as-of',
};

/** Parameters completed with the defaults (a partial object from a referential or a caller). */
export function withDefaultParams(partial: Partial<CalculationParams> | undefined): CalculationParams {
  if (partial === undefined) return DEFAULT_CALCULATION_PARAMS;
  return {
    ...DEFAULT_CALCULATION_PARAMS,
    ...partial,
    initial: { ...DEFAULT_INITIAL, ...partial.initial },
  };
}

/** One line per parameter that differs from the default, e.g. "global current value: sum of …". */
export function describeParams(params: CalculationParams): string[] {
  const out: string[] = [];
  const d = DEFAULT_CALCULATION_PARAMS;
  if (params.initial.rule !== d.initial.rule) out.push(`initial value: ${describeInitialRule(params.initial.rule)}`);
  if (params.initial.whenMissing !== d.initial.whenMissing) out.push('no initial value: taken as 0');
  if (params.initial.notBefore !== undefined) out.push(`initial values before ${params.initial.notBefore} ignored`);
  if (JSON.stringify(params.globalComparable) !== JSON.stringify(d.globalComparable)) out.push(`global current value (VACG): ${describeComparable(params.globalComparable)}`);
  if (JSON.stringify(params.annualComparable) !== JSON.stringify(d.annualComparable)) out.push(`annual current value (VACA): ${describeComparable(params.annualComparable)}`);
  if (params.annualTargetYear !== d.annualTargetYear) out.push("annual target: the current value's year");
  if (params.globalTargetMaxDate !== undefined) out.push(`global target dated on or before ${params.globalTargetMaxDate}`);
  return out;
}
