// Public API of @pilote/engine: pure rules, every number returned with its explanation.
export type { Computed, DatedValue, Direction, Explanation, ExplanationInput, ExplanationUnit, FormulaParam, Provenance, ValueKind } from './types';
export { addDays, addMonths, compareIsoDates, daysBetween, isIsoDate, lastDayOfMonth, maxIsoDate, parseIsoDate, toIsoDate, yearOf } from './dates';
export { formatNumber, formatOperand } from './format';
export { computeIndicatorRate, type IndicatorRateInput } from './indicator-rate.rule';
export { selectLatest } from './select-latest.rule';
export { chooseInitial, DEFAULT_INITIAL, describeInitialRule, selectInitial, type InitialParams, type InitialRule, type MissingInitialRule, type SelectedInitial } from './select-initial.rule';
export {
  computeComparableValue,
  decumulate,
  DEFAULT_COMPARABLE_VALUE,
  describeComparable,
  parsePiloteComparable,
  toPiloteComparable,
  type ComparableOperation,
  type ComparableValue,
  type ComparableValueParams,
  type ComparisonWindow,
  type Decumulation,
  type PiloteComparableStrings,
} from './comparable-value.rule';
export { DEFAULT_CALCULATION_PARAMS, describeParams, withDefaultParams, type CalculationParams } from './calculation-params';
export { selectTargets, type AnnualTargetSource, type SelectedTargets, type SelectTargetsOptions } from './select-targets.rule';
export { computeIndicatorRates, type IndicatorRates, type IndicatorRatesInput } from './indicator-rates.rule';
export { aggregateValues, type AggregateChild, type AggregateComputed, type AggregateOptions, type AggregationMethod } from './aggregate-values.rule';
export { computePolicyRate, type PolicyRateItem } from './policy-rate.rule';
export { computeTrend, trendOf, type Trend, type TrendDirection } from './trend.rule';
export { computeStats, median, type Stats } from './stats.rule';
export { computeGapToMedian } from './gap-to-median.rule';
export { isOverdue, nextExpectedUpdate, type NextExpectedUpdateInput, type Periodicity } from './next-expected-update.rule';
export { computeAlerts, DEFAULT_GAP_THRESHOLD, type Alert, type AlertCode, type AlertsInput } from './alerts.rule';
export { aggregateOrEntered, reportParentValues, type NationalFallback, type ReportedValues } from './territorial-fallback.rule';
export * from './barometre';
export { computeMean, explainPeerStats, type ExplainedStats, type LabelledValue } from './explained-stats.rule';
