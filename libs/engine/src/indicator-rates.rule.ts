import { yearOf } from './dates';
import { computeIndicatorRate } from './indicator-rate.rule';
import { selectInitial } from './select-initial.rule';
import { selectLatest } from './select-latest.rule';
import { selectTargets } from './select-targets.rule';
import type { Computed, DatedValue, Direction } from './types';

export interface IndicatorRatesInput {
  direction: Direction;
  initials: DatedValue[];
  currents: DatedValue[];
  targets: DatedValue[];
  /** the date the rates are computed for (never the clock) */
  asOf: string;
}

export interface IndicatorRates {
  annual: Computed;
  global: Computed;
  current: DatedValue | null;
  initial: DatedValue | null;
  annualTarget: DatedValue | null;
  globalTarget: DatedValue | null;
}

/** The annual and global rates of one indicator in one territory, as of a date. */
export function computeIndicatorRates({ direction, initials, currents, targets, asOf }: IndicatorRatesInput): IndicatorRates {
  const initial = selectInitial(initials, asOf);
  const current = selectLatest(currents, asOf);
  const { annual: annualTarget, global: globalTarget, annualSource } = selectTargets(targets, asOf);
  const year = yearOf(asOf);

  const annualLabel =
    annualSource === 'next-future'
      ? `annual target (none dated ${year}: next target)`
      : `annual target (${year})`;
  const annual = wrap(
    'indicator-rate.annual',
    computeIndicatorRate({ direction, initial, current, target: annualTarget }),
    annualLabel,
    `No target dated in ${year} or later.`,
  );
  const global = wrap(
    'indicator-rate.global',
    computeIndicatorRate({ direction, initial, current, target: globalTarget }),
    'global target (latest)',
    'No target at all.',
  );
  return { annual, global, current, initial, annualTarget, globalTarget };
}

// Same value and inputs as the rate rule, under the id of the rate's kind; the rate rule is kept as a step.
function wrap(ruleId: string, inner: Computed, targetLabel: string, noTargetReason: string): Computed {
  const e = inner.explanation;
  const reason = e.reasonCode === 'missing-target' ? `${noTargetReason} ${e.reason ?? ''}`.trim() : e.reason;
  return {
    value: inner.value,
    explanation: {
      ...e,
      ruleId,
      reason,
      inputs: e.inputs.map((i) => (i.role === 'target' ? { ...i, label: targetLabel } : i)),
      steps: [e],
    },
  };
}
