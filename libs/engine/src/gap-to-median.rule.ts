import { formatNumber, formatOperand } from './format';
import { computeStats } from './stats.rule';
import type { Computed, ExplanationInput } from './types';

/**
 * Gap, in points, between a territory's rate and the median rate of its peers (same-level
 * territories). Whether peerRates includes the territory itself is the caller's choice.
 */
export function computeGapToMedian(rate: number | null, peerRates: number[]): Computed {
  const ruleId = 'gap-to-median';
  const stats = computeStats(peerRates);
  const inputs: ExplanationInput[] = [
    { role: 'rate', label: 'rate', value: rate },
    { role: 'median', label: 'median', value: stats.median },
    { role: 'min', label: 'min', value: stats.min },
    { role: 'max', label: 'max', value: stats.max },
  ];
  if (rate === null || !Number.isFinite(rate)) {
    return { value: null, explanation: { ruleId, formula: 'not computable', formulaKey: 'not-computable', unit: 'points', value: null, reasonCode: 'missing-rate', reason: 'The territory has no rate.', inputs } };
  }
  if (stats.median === null) {
    return { value: null, explanation: { ruleId, formula: 'not computable', formulaKey: 'not-computable', unit: 'points', value: null, reasonCode: 'no-peers', reason: 'No peer territory has a rate.', inputs } };
  }
  const value = rate - stats.median;
  return {
    value,
    explanation: {
      ruleId,
      formula: `${formatNumber(rate)} − ${formatOperand(stats.median)} = ${formatNumber(value)}`,
      formulaKey: 'gap',
      formulaParams: { rate, median: stats.median, value },
      unit: 'points',
      value,
      inputs,
    },
  };
}
