import { DEFAULT_CALCULATION_PARAMS, withDefaultParams, type CalculationParams } from './calculation-params';
import { computeComparableValue, type ComparableValue, type ComparableValueParams } from './comparable-value.rule';
import { yearOf } from './dates';
import { computeIndicatorRate } from './indicator-rate.rule';
import { chooseInitial, type SelectedInitial } from './select-initial.rule';
import { selectLatest } from './select-latest.rule';
import { selectTargets } from './select-targets.rule';
import type { Computed, DatedValue, Direction, Explanation } from './types';

export interface IndicatorRatesInput {
  direction: Direction;
  initials: DatedValue[];
  currents: DatedValue[];
  targets: DatedValue[];
  /** the date the rates are computed for (never the clock) */
  asOf: string;
  /** PILOTE's calculation parameters of the indicator at this level; defaults keep the kit's rules */
  params?: Partial<CalculationParams>;
  /** proposed current values (not yet validated): their rates are returned under `proposed` */
  proposedCurrents?: DatedValue[];
}

export interface IndicatorRates {
  annual: Computed;
  global: Computed;
  /** the latest current value as entered */
  current: DatedValue | null;
  initial: DatedValue | null;
  annualTarget: DatedValue | null;
  globalTarget: DatedValue | null;
  /** the comparable current values the annual (VACA) and global (VACG) rates used */
  comparable: { annual: DatedValue | null; global: DatedValue | null };
  /** rates of the latest proposed value (PILOTE's VACP, `tap_courant` / `tap_global`), when proposals were given */
  proposed?: { annual: Computed; global: Computed; current: DatedValue | null };
}

/** The annual and global rates of one indicator in one territory, as of a date. */
export function computeIndicatorRates(input: IndicatorRatesInput): IndicatorRates {
  const { direction, initials, currents, targets, asOf } = input;
  const params = withDefaultParams(input.params);
  const initialSel = chooseInitial(initials, asOf, params.initial);
  const initial = initialSel.value;
  const current = selectLatest(currents, asOf);
  const rates = ratesFor(direction, initialSel, currents, targets, asOf, params);
  const out: IndicatorRates = { ...rates, current, initial };
  if (input.proposedCurrents !== undefined) {
    const proposed = ratesFor(direction, initialSel, input.proposedCurrents, targets, asOf, params, 'proposed ');
    out.proposed = {
      annual: relabel(proposed.annual, 'indicator-rate.proposed-annual'),
      global: relabel(proposed.global, 'indicator-rate.proposed-global'),
      current: selectLatest(input.proposedCurrents, asOf),
    };
  }
  return out;
}

function ratesFor(
  direction: Direction,
  initialSel: SelectedInitial,
  currents: DatedValue[],
  targets: DatedValue[],
  asOf: string,
  params: CalculationParams,
  prefix = '',
): Omit<IndicatorRates, 'current' | 'initial' | 'proposed'> {
  const initial = initialSel.value;
  const vacg = comparable(currents, asOf, params.globalComparable);
  const vaca = sameParams(params.annualComparable, params.globalComparable) ? vacg : comparable(currents, asOf, params.annualComparable);
  const annualYear = params.annualTargetYear === 'current-value' && vaca.value !== null ? yearOf(vaca.value.date) : yearOf(asOf);
  const { annual: annualTarget, global: globalTarget, annualSource } = selectTargets(targets, asOf, {
    annualYear,
    globalMaxDate: params.globalTargetMaxDate,
  });
  const annualLabel = annualSource === 'next-future' ? `annual target (none dated ${annualYear}: next target)` : `annual target (${annualYear})`;
  const extraSteps = (c: ComparableValue, p: ComparableValueParams): Explanation[] => [
    ...(isDefaultInitial(params) ? [] : [initialSel.explanation]),
    ...(p === DEFAULT_CALCULATION_PARAMS.globalComparable || isPlain(p) ? [] : [c.explanation]),
  ];
  const currentLabel = (p: ComparableValueParams, kind: string): string =>
    isPlain(p) ? `${prefix}current value (VA)` : `${prefix}comparable current value (${kind}: ${c(p)})`;
  const annual = wrap(
    'indicator-rate.annual',
    computeIndicatorRate({ direction, initial, current: vaca.value, target: annualTarget }),
    annualLabel,
    currentLabel(params.annualComparable, 'VACA'),
    `No target dated in ${annualYear} or later.`,
    extraSteps(vaca, params.annualComparable),
  );
  const global = wrap(
    'indicator-rate.global',
    computeIndicatorRate({ direction, initial, current: vacg.value, target: globalTarget }),
    params.globalTargetMaxDate ? `global target (latest on or before ${params.globalTargetMaxDate})` : 'global target (latest)',
    currentLabel(params.globalComparable, 'VACG'),
    'No target at all.',
    extraSteps(vacg, params.globalComparable),
  );
  return { annual, global, annualTarget, globalTarget, comparable: { annual: vaca.value, global: vacg.value } };

  function c(p: ComparableValueParams): string {
    return p.operation === 'current' ? 'de-cumulated' : p.operation;
  }
}

function comparable(currents: DatedValue[], asOf: string, p: ComparableValueParams): ComparableValue {
  return computeComparableValue(currents, asOf, p);
}

const isPlain = (p: ComparableValueParams): boolean => p.operation === 'current' && p.decumulate.kind === 'none';
const sameParams = (a: ComparableValueParams, b: ComparableValueParams): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);
const isDefaultInitial = (p: CalculationParams): boolean =>
  p.initial.rule === DEFAULT_CALCULATION_PARAMS.initial.rule && p.initial.whenMissing === 'none' && p.initial.notBefore === undefined;

// Same value and inputs as the rate rule, under the id of the rate's kind; the rate rule is kept as
// a step, after the steps that chose its inputs (initial value, comparable current value).
function wrap(ruleId: string, inner: Computed, targetLabel: string, currentLabel: string, noTargetReason: string, before: Explanation[]): Computed {
  const e = inner.explanation;
  const reason = e.reasonCode === 'missing-target' ? `${noTargetReason} ${e.reason ?? ''}`.trim() : e.reason;
  return {
    value: inner.value,
    explanation: {
      ...e,
      ruleId,
      reason,
      inputs: e.inputs.map((i) => (i.role === 'target' ? { ...i, label: targetLabel } : i.role === 'current' ? { ...i, label: currentLabel } : i)),
      steps: [...before, e],
    },
  };
}

function relabel(c: Computed, ruleId: string): Computed {
  return { value: c.value, explanation: { ...c.explanation, ruleId } };
}
