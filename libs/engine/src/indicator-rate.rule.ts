import { formatNumber, formatOperand } from './format';
import type { Computed, DatedValue, Direction, ExplanationInput } from './types';

export interface IndicatorRateInput {
  direction: Direction;
  initial: DatedValue | null;
  current: DatedValue | null;
  target: DatedValue | null;
}

/**
 * PILOTE's progress rate of an indicator, in % clamped to [0, 100].
 * rising: VI ≥ VC ⇒ 100 if VA ≥ VC else 0; otherwise 100·(VA − VI)/(VC − VI).
 * falling: VI ≤ VC ⇒ 100 if VA ≤ VC else 0; otherwise the same formula.
 */
export function computeIndicatorRate({ direction, initial, current, target }: IndicatorRateInput): Computed {
  const ruleId = `indicator-rate.${direction}`;
  const inputs: ExplanationInput[] = [
    toInput('initial', 'initial value (VI)', initial),
    toInput('current', 'current value (VA)', current),
    toInput('target', 'target value (VC)', target),
  ];

  const missing = (
    [
      ['initial', initial],
      ['current', current],
      ['target', target],
    ] as const
  ).filter(([, v]) => v === null || !Number.isFinite(v.value));
  if (missing.length > 0) {
    const names = missing.map(([name]) => name);
    return {
      value: null,
      explanation: {
        ruleId,
        formula: 'not computable',
        formulaKey: 'not-computable',
        unit: 'rate',
        value: null,
        reasonCode: `missing-${names[0]}`,
        reason: `No ${names.join(', ')} value: the rate needs the initial, current and target values.`,
        inputs,
      },
    };
  }
  // narrowed by the filter above; re-read as numbers for the arithmetic
  const vi = (initial as DatedValue).value;
  const va = (current as DatedValue).value;
  const vc = (target as DatedValue).value;

  // When the target does not lie in the indicator's direction from VI, (VC − VI) is 0 or of the
  // wrong sign: PILOTE then only says whether the target is met.
  const targetNotAhead = direction === 'rising' ? vi >= vc : vi <= vc;
  if (targetNotAhead) {
    const met = direction === 'rising' ? va >= vc : va <= vc;
    const value = met ? 100 : 0;
    const ahead = direction === 'rising' ? '≥' : '≤';
    const cmp = met ? ahead : direction === 'rising' ? '<' : '>';
    return {
      value,
      explanation: {
        ruleId: `${ruleId}.target-not-ahead`,
        formula: `VI ${formatNumber(vi)} ${ahead} VC ${formatNumber(vc)}, so met or not: VA ${formatNumber(va)} ${cmp} VC ${formatNumber(vc)} ⇒ ${value}`,
        formulaKey: met ? 'target-not-ahead-met' : 'target-not-ahead-missed',
        formulaParams: { vi, va, vc, ahead, cmp, value },
        unit: 'rate',
        value,
        inputs,
      },
    };
  }

  const raw = (100 * (va - vi)) / (vc - vi);
  const value = Math.min(100, Math.max(0, raw));
  const base = `100 × (${formatOperand(va)} − ${formatOperand(vi)}) / (${formatOperand(vc)} − ${formatOperand(vi)}) = ${formatNumber(raw)}`;
  return {
    value,
    explanation: {
      ruleId,
      formula: value === raw ? base : `${base}, clamped to ${value}`,
      formulaKey: value === raw ? 'progress' : 'progress-clamped',
      formulaParams: { vi, va, vc, raw, value },
      unit: 'rate',
      value,
      inputs,
    },
  };
}

function toInput(role: string, label: string, v: DatedValue | null): ExplanationInput {
  if (v === null) return { role, label, value: null };
  return { role, label, value: v.value, date: v.date, provenance: v.provenance, territoryCode: v.territoryCode };
}
