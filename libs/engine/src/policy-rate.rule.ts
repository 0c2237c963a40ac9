import { formatNumber, formatOperand } from './format';
import type { Computed, ExplanationInput } from './types';

export interface PolicyRateItem {
  indicatorId: string;
  label: string;
  weight: number;
  /** false when the indicator is not followed in this territory */
  applicable: boolean;
  rate: number | null;
  /** key of the indicator rate's own explanation */
  rateRef?: string;
}

/**
 * A policy's rate: the mean of its indicators' rates weighted by their weights, the weights being
 * renormalised over the indicators applicable in this territory (so a territory is not penalised
 * for an indicator that does not concern it).
 */
export function computePolicyRate(items: PolicyRateItem[]): Computed {
  const ruleId = 'policy-rate.weighted-mean';
  const counted = items.filter((i) => i.applicable && i.weight > 0);
  const totalWeight = counted.reduce((s, i) => s + i.weight, 0);
  const inputs: ExplanationInput[] = [];
  for (const i of counted) {
    const share = i.weight / totalWeight;
    // The label is the indicator's name: the value column shows the weight, the weight column its share.
    inputs.push({ role: 'weight', label: i.label, value: i.weight, weight: share, indicatorId: i.indicatorId });
    inputs.push({ role: 'indicatorRate', label: i.label, value: i.rate, weight: share, indicatorId: i.indicatorId, ref: i.rateRef });
  }
  for (const i of items) {
    if (counted.includes(i)) continue;
    inputs.push({ role: 'excluded', label: i.label, note: i.applicable ? 'zero-weight' : 'not-applicable', value: i.rate, indicatorId: i.indicatorId, ref: i.rateRef });
  }

  const invalid = items.filter((i) => !Number.isFinite(i.weight) || i.weight < 0);
  if (invalid.length > 0) {
    return fail(ruleId, inputs, 'invalid-weight', `Invalid weight for ${names(invalid)}.`, { names: labels(invalid), count: invalid.length });
  }
  if (counted.length === 0) {
    return fail(ruleId, inputs, 'no-weighted-indicator', 'No applicable indicator with a weight above 0.', {});
  }
  const missing = counted.filter((i) => i.rate === null || !Number.isFinite(i.rate));
  if (missing.length > 0) {
    // a mean over the other indicators would silently change what the policy rate means
    return fail(ruleId, inputs, 'indicator-rate-missing', `No rate for ${names(missing)}: the policy rate needs every weighted indicator.`, { names: labels(missing), count: missing.length });
  }

  const value = counted.reduce((s, i) => s + (i.rate ?? 0) * i.weight, 0) / totalWeight;
  const num = counted.map((i) => `${formatNumber(i.weight)} × ${formatOperand(i.rate ?? 0)}`).join(' + ');
  const den = counted.map((i) => formatNumber(i.weight)).join(' + ');
  const shares = counted.map((i) => `${formatNumber(i.weight / totalWeight)} × ${formatOperand(i.rate ?? 0)}`).join(' + ');
  return {
    value,
    explanation: {
      ruleId,
      formula: `(${num}) / (${den}) = ${shares} = ${formatNumber(value)}`,
      formulaKey: 'weighted-mean',
      formulaParams: {
        products: counted.map((i) => [i.weight, i.rate ?? 0] as [number, number]),
        weights: counted.map((i) => i.weight),
        shares: counted.map((i) => [i.weight / totalWeight, i.rate ?? 0] as [number, number]),
        value,
      },
      unit: 'rate',
      value,
      inputs,
    },
  };
}

function names(items: PolicyRateItem[]): string {
  return items.map((i) => `${i.label} (${i.indicatorId})`).join(', ');
}

function labels(items: PolicyRateItem[]): string {
  return items.map((i) => i.label).join(', ');
}

function fail(ruleId: string, inputs: ExplanationInput[], reasonCode: string, reason: string, reasonParams: Record<string, string | number>): Computed {
  return { value: null, explanation: { ruleId, formula: 'not computable', formulaKey: 'not-computable', unit: 'rate', value: null, reasonCode, reason, reasonParams, inputs } };
}
