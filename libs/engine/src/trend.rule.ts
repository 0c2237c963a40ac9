import { formatNumber, formatOperand } from './format';
import type { Explanation } from './types';

export type TrendDirection = 'up' | 'down' | 'stable' | 'unknown';

export interface Trend {
  direction: TrendDirection;
  delta: number | null;
  explanation: Explanation;
}

/** The trend's direction and delta alone (what a list shows), by the same rule as computeTrend, without writing its explanation. */
export function trendOf(current: number | null, previous: number | null, tolerance = 0.5): Pick<Trend, 'direction' | 'delta'> {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) return { direction: 'unknown', delta: null };
  const delta = current - previous;
  return { direction: Math.abs(delta) <= tolerance ? 'stable' : delta > 0 ? 'up' : 'down', delta };
}

/** Trend between two successive values (usually rates); |delta| ≤ tolerance is 'stable', so noise is not a trend. */
export function computeTrend(current: number | null, previous: number | null, tolerance = 0.5): Trend {
  const ruleId = 'trend';
  const inputs = [
    { role: 'current', label: 'current', value: current },
    { role: 'previous', label: 'previous', value: previous },
  ];
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) {
    const reasonCode = current === null || !Number.isFinite(current) ? 'missing-current' : 'missing-previous';
    return {
      direction: 'unknown',
      delta: null,
      explanation: { ruleId, formula: 'not computable', formulaKey: 'not-computable', unit: 'points', value: null, reasonCode, reason: 'A trend needs two values.', inputs },
    };
  }
  const { direction, delta } = trendOf(current, previous, tolerance) as { direction: TrendDirection; delta: number };
  const formula = `${formatNumber(current)} − ${formatOperand(previous)} = ${formatNumber(delta)} (${direction}, tolerance ±${formatNumber(tolerance)})`;
  const formulaParams = { current, previous, value: delta, tolerance };
  return { direction, delta, explanation: { ruleId, formula, formulaKey: `trend-${direction}`, formulaParams, unit: 'points', value: delta, inputs } };
}
