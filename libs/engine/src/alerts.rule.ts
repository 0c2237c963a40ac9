import { formatNumber } from './format';
import type { TrendDirection } from './trend.rule';

export type AlertCode = 'gap-below-median' | 'falling-trend' | 'rate-not-computable' | 'weather-stormy' | 'weather-not-filled' | 'update-overdue';

export interface Alert {
  code: AlertCode;
  explanation: string;
}

export interface AlertsInput {
  /** rate − median of peers, in points (null when unknown) */
  gapToMedian: number | null;
  /** trend of the rate: 'down' is bad whatever the indicator's direction, a rate is always "higher is better" */
  trend: TrendDirection;
  rateComputable: boolean;
  weatherFilled: boolean;
  /** the latest published weather: 'STORMY' ("Orage", objectives out of reach) is a signal, as its owner says so */
  weather?: string | null;
  overdue: boolean;
  /** alert when the gap is strictly below this, in points (default −10) */
  gapThreshold?: number;
}

export const DEFAULT_GAP_THRESHOLD = -10;

/** The alerts of a policy or indicator in a territory, in a fixed order. */
export function computeAlerts({ gapToMedian, trend, rateComputable, weatherFilled, weather, overdue, gapThreshold = DEFAULT_GAP_THRESHOLD }: AlertsInput): Alert[] {
  const alerts: Alert[] = [];
  if (gapToMedian !== null && gapToMedian < gapThreshold) {
    alerts.push({
      code: 'gap-below-median',
      explanation: `Rate ${formatNumber(Math.abs(gapToMedian))} points below the median of peer territories (alert below ${formatNumber(gapThreshold)}).`,
    });
  }
  if (trend === 'down') alerts.push({ code: 'falling-trend', explanation: 'The rate went down since the previous value.' });
  if (!rateComputable) alerts.push({ code: 'rate-not-computable', explanation: 'The rate cannot be computed (see its explanation).' });
  if (weather === 'STORMY') alerts.push({ code: 'weather-stormy', explanation: 'The weather says the objectives are out of reach.' });
  if (!weatherFilled) alerts.push({ code: 'weather-not-filled', explanation: 'The weather (qualitative assessment) is not filled in.' });
  if (overdue) alerts.push({ code: 'update-overdue', explanation: 'The expected update has not arrived.' });
  return alerts;
}
