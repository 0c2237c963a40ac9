import { formatNumber, formatOperand } from './format';
import type { Computed, Explanation, ExplanationInput, ExplanationUnit } from './types';

export interface LabelledValue {
  label: string;
  value: number | null;
  territoryCode?: string;
  /** key of the value's own explanation (e.g. a policy rate) */
  ref?: string;
}

const MAX_TERMS = 12;

/**
 * A plain mean with its explanation, e.g. a home gauge's "mean of 3 policy rates:
 * (55 + 80 + 70) / 3 = 68.33". Missing values are left out and listed as `excluded`.
 */
export function computeMean(items: LabelledValue[], what = 'values', unit: ExplanationUnit = 'rate'): Computed {
  const ruleId = 'mean';
  const counted = items.filter((i) => i.value !== null && Number.isFinite(i.value));
  const inputs: ExplanationInput[] = items.map((i) => ({
    role: counted.includes(i) ? 'value' : 'excluded',
    label: i.label,
    ...(counted.includes(i) ? {} : { note: 'no-value' }),
    value: i.value,
    territoryCode: i.territoryCode,
    ref: i.ref,
  }));
  if (counted.length === 0) {
    return { value: null, explanation: { ruleId, formula: 'not computable', formulaKey: 'not-computable', unit, value: null, reasonCode: 'no-value', reason: `No ${what} to average.`, inputs } };
  }
  const values = counted.map((i) => i.value as number);
  const value = values.reduce((s, v) => s + v, 0) / values.length;
  const terms = values.length <= MAX_TERMS ? values.map(formatOperand).join(' + ') : `${values.slice(0, 3).map(formatOperand).join(' + ')} + … (${values.length} terms)`;
  const left = items.length - counted.length;
  return {
    value,
    explanation: {
      ruleId,
      formula: `mean of ${counted.length} ${what}: (${terms}) / ${counted.length} = ${formatNumber(value)}`,
      formulaKey: values.length <= MAX_TERMS ? 'mean' : 'mean-many',
      formulaParams: { count: values.length, terms: values, value },
      unit,
      value,
      inputs,
      ...(left > 0 ? { reason: `${left} without a value left out.`, reasonCode: 'partial', reasonParams: { count: left } } : {}),
    },
  };
}

export interface ExplainedStats {
  min: Computed;
  median: Computed;
  max: Computed;
  count: number;
}

/**
 * Peers' lowest, median and highest values, each saying which peer(s) it comes from, e.g.
 * "lowest of 13 peers: R84 = 42.1", "median of 4 peers: (R11 50 + R84 60) / 2 = 55".
 */
export function explainPeerStats(items: LabelledValue[], what = 'peers', unit: ExplanationUnit = 'rate'): ExplainedStats {
  const sorted = items.filter((i) => i.value !== null && Number.isFinite(i.value)).sort((a, b) => (a.value as number) - (b.value as number));
  const n = sorted.length;
  const input = (i: LabelledValue, role: string): ExplanationInput => ({ role, label: i.label, value: i.value, territoryCode: i.territoryCode, ref: i.ref });
  const none = (ruleId: string): Computed => ({ value: null, explanation: { ruleId, formula: 'not computable', formulaKey: 'not-computable', unit, value: null, reasonCode: 'no-peers', reason: `No ${what} with a value.`, inputs: [] } });
  if (n === 0) return { min: none('stats.min'), median: none('stats.median'), max: none('stats.max'), count: 0 };
  const one = (ruleId: string, word: string, i: LabelledValue): Computed => {
    const e: Explanation = {
      ruleId,
      formula: `${word} of ${n} ${what}: ${i.label} = ${formatNumber(i.value as number)}`,
      formulaKey: ruleId === 'stats.min' ? 'lowest' : 'highest',
      formulaParams: { count: n, label: i.label, value: i.value as number },
      unit,
      value: i.value,
      inputs: [input(i, 'value')],
    };
    return { value: i.value, explanation: e };
  };
  const mid = Math.floor(n / 2);
  let median: Computed;
  if (n % 2 === 1) {
    const i = sorted[mid];
    median = {
      value: i.value,
      explanation: {
        ruleId: 'stats.median',
        formula: `median of ${n} ${what} (the ${ordinal(mid + 1)} lowest): ${i.label} = ${formatNumber(i.value as number)}`,
        formulaKey: 'median-odd',
        formulaParams: { count: n, rank: mid + 1, label: i.label, value: i.value as number },
        unit,
        value: i.value,
        inputs: [input(i, 'value')],
      },
    };
  }
  else {
    const [a, b] = [sorted[mid - 1], sorted[mid]];
    const value = ((a.value as number) + (b.value as number)) / 2;
    median = {
      value,
      explanation: {
        ruleId: 'stats.median',
        formula: `median of ${n} ${what}: (${a.label} ${formatNumber(a.value as number)} + ${b.label} ${formatNumber(b.value as number)}) / 2 = ${formatNumber(value)}`,
        formulaKey: 'median-even',
        formulaParams: { count: n, labelA: a.label, a: a.value as number, labelB: b.label, b: b.value as number, value },
        unit,
        value,
        inputs: [input(a, 'value'), input(b, 'value')],
      },
    };
  }
  return { min: one('stats.min', 'lowest', sorted[0]), median, max: one('stats.max', 'highest', sorted[n - 1]), count: n };
}

function ordinal(k: number): string {
  const tens = k % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][k % 10] ?? 'th';
  return `${k}${suffix}`;
}
