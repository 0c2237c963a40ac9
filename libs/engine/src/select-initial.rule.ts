import { compareIsoDates, maxIsoDate } from './dates';
import { formatNumber } from './format';
import { selectLatest } from './select-latest.rule';
import type { DatedValue, Explanation } from './types';

/**
 * Which initial value (VI) a rate starts from:
 * - `latest-as-of` (the kit's default): the VI row with the latest date on or before `asOf`; a new
 *   VI re-bases the indicator (e.g. after a change of method);
 * - `last-imported` (PILOTE ≥ 2.5.7): the last VI entered (the array order is the order of entry),
 *   even when it is dated after the current value;
 * - `latest-dated`: the VI with the latest date, even after `asOf` (how PILOTE ≥ 2.5.7 reads from
 *   files that carry no import time, such as its exports, where later VIs were imported later);
 * - `oldest` (PILOTE before 2.5.7): the oldest-dated VI;
 * - `not-entered`: the entered VIs are not the baseline (PILOTE's `vi_*_from` is not `user_input`:
 *   the VI comes from another level or a sub-indicator) and that source has none.
 * `notBefore` (PILOTE: 2018-01-01) ignores older VIs.
 */
export type InitialRule = 'latest-as-of' | 'last-imported' | 'latest-dated' | 'oldest' | 'not-entered';
export type MissingInitialRule = 'none' | 'zero';

export interface InitialParams {
  rule: InitialRule;
  /** ISO date: VIs dated before it are ignored */
  notBefore?: string;
  /** 'zero': no VI at all is taken as 0, as PILOTE did; 'none' (default): no rate without a VI */
  whenMissing: MissingInitialRule;
}

export const DEFAULT_INITIAL: InitialParams = { rule: 'latest-as-of', whenMissing: 'none' };

export interface SelectedInitial {
  value: DatedValue | null;
  explanation: Explanation;
}

/** The reference initial value by the kit's default rule (see `chooseInitial` for the others). */
export function selectInitial(values: DatedValue[], asOf?: string): DatedValue | null {
  return selectLatest(values, asOf);
}

const RULE_WORDS: Record<InitialRule, string> = {
  'latest-as-of': 'latest initial value dated on or before the rate',
  'last-imported': 'last imported initial value (PILOTE ≥ 2.5.7)',
  'latest-dated': 'latest-dated initial value, even after the rate (PILOTE ≥ 2.5.7)',
  oldest: 'oldest initial value (PILOTE before 2.5.7)',
  'not-entered': 'initial value from another source than the entered one (PILOTE vi_from ≠ user_input)',
};

export function describeInitialRule(rule: InitialRule): string {
  return RULE_WORDS[rule];
}

/** The VI by one of PILOTE's rules, with its explanation. */
export function chooseInitial(values: DatedValue[], asOf: string | undefined, params: InitialParams = DEFAULT_INITIAL): SelectedInitial {
  const ruleId = `initial.${params.rule}`;
  const usable = values.filter((v) => Number.isFinite(v.value) && (params.notBefore === undefined || compareIsoDates(v.date, params.notBefore) >= 0));
  let chosen: DatedValue | null = null;
  if (params.rule === 'latest-as-of') chosen = selectLatest(usable, asOf);
  else if (params.rule === 'latest-dated') chosen = selectLatest(usable);
  else if (params.rule === 'last-imported') chosen = usable.at(-1) ?? null;
  else if (params.rule === 'oldest') {
    for (const v of usable) if (chosen === null || compareIsoDates(v.date, chosen.date) < 0) chosen = v;
  }
  const inputs = usable.map((v) => ({ role: 'initial', label: `initial value of ${v.date}`, value: v.value, date: v.date, provenance: v.provenance, territoryCode: v.territoryCode }));
  const notEntered = params.rule === 'not-entered' && values.length > 0 ? ` (the ${values.length} entered VI(s) are not used: the VI comes from another source)` : '';
  const tooOld = usable.length < values.length ? ` (${values.length - usable.length} dated before ${params.notBefore} ignored)` : '';
  const ignored = notEntered || tooOld;
  if (chosen !== null) {
    const after = asOf !== undefined && compareIsoDates(chosen.date, asOf) > 0 ? `, dated after the rate (${asOf})` : '';
    return {
      value: chosen,
      explanation: {
        ruleId,
        formula: `${RULE_WORDS[params.rule]}: ${formatNumber(chosen.value)} (${chosen.date}${after})${ignored}`,
        formulaKey: `initial-${params.rule}`,
        formulaParams: { value: chosen.value, date: chosen.date },
        unit: 'amount',
        value: chosen.value,
        inputs,
      },
    };
  }
  if (params.whenMissing === 'zero') {
    const date = asOf ?? maxIsoDate(values.map((v) => v.date)) ?? '1970-01-01';
    return {
      value: { value: 0, date },
      explanation: {
        ruleId: 'initial.missing-as-zero',
        formula: `no initial value${asOf !== undefined && params.rule === 'latest-as-of' ? ` on or before ${asOf}` : ''}${ignored}: taken as 0, as PILOTE does`,
        formulaKey: 'initial-as-zero',
        unit: 'amount',
        value: 0,
        reasonCode: 'initial-taken-as-zero',
        reason: 'No initial value: PILOTE takes 0, so the rate is 100 × current / target.',
        inputs,
      },
    };
  }
  return {
    value: null,
    explanation: { ruleId, formula: 'not computable', formulaKey: 'not-computable', unit: 'amount', value: null, reasonCode: 'missing-initial', reason: `No initial value (${RULE_WORDS[params.rule]})${ignored}.`, inputs },
  };
}
