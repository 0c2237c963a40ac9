import { addMonths, compareIsoDates, yearOf } from './dates';
import { formatNumber } from './format';
import type { DatedValue, Explanation, ExplanationInput } from './types';

/**
 * PILOTE's "comparable current value" (VACA for the annual rate, VACG for the global one): the
 * value a rate compares with its target. Per indicator, the entered current values (VA) may first
 * be de-cumulated (a series entered as a running total since 1 January or since a date becomes one
 * value per period), then the rate uses the latest value, or the sum or the mean of the values in a
 * window that ends at the latest value.
 */
export type Decumulation = { kind: 'none' } | { kind: 'year-start' } | { kind: 'custom-date'; date: string };
export type ComparisonWindow = { kind: 'previous-months'; months: number } | { kind: 'year-start' } | { kind: 'custom-date'; date: string };
export type ComparableOperation = 'current' | 'sum' | 'mean';

export interface ComparableValueParams {
  decumulate: Decumulation;
  /** only read for 'sum' and 'mean' */
  window: ComparisonWindow;
  operation: ComparableOperation;
}

/** Today's behaviour and PILOTE's default: the latest current value as entered. */
export const DEFAULT_COMPARABLE_VALUE: ComparableValueParams = {
  decumulate: { kind: 'none' },
  window: { kind: 'year-start' },
  operation: 'current',
};

export interface ComparableValue {
  /** the comparable value, dated like the latest current value it is built from */
  value: DatedValue | null;
  explanation: Explanation;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1 January", "since 1 March 2023": how a date reads in a formula. */
function dayMonth(date: string, withYear: boolean): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTH_NAMES[m - 1]}${withYear ? ` ${y}` : ''}`;
}

/** Thousands separated by a thin space, as in "17 062": long values stay readable in a sum. */
function formatAmount(value: number): string {
  const text = formatNumber(value);
  return text.replace(/^(−?)(\d+)/, (_, sign: string, int: string) => sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ' '));
}

export function describeComparable(params: ComparableValueParams): string {
  const decum = describeDecumulation(params.decumulate);
  if (params.operation === 'current') return `latest current value${decum ? `, ${decum}` : ''}`;
  const op = params.operation === 'sum' ? 'sum' : 'mean';
  return `${op} of the current values ${describeWindow(params.window)}${decum ? `, ${decum}` : ''}`;
}

function describeDecumulation(d: Decumulation): string {
  if (d.kind === 'none') return '';
  return d.kind === 'year-start' ? 'de-cumulated from 1 January' : `de-cumulated from ${dayMonth(d.date, true)}`;
}

function describeWindow(w: ComparisonWindow): string {
  if (w.kind === 'previous-months') return `of the last ${w.months} months`;
  if (w.kind === 'year-start') return 'since 1 January';
  return `since ${dayMonth(w.date, true)}`;
}

/** The start (inclusive) of the cumulation period that contains `date`, or null when none does. */
function cumulationStart(d: Decumulation, date: string): string | null {
  if (d.kind === 'year-start') return `${yearOf(date)}-01-01`;
  if (d.kind === 'custom-date') return compareIsoDates(date, d.date) >= 0 ? d.date : null;
  return null;
}

/** Whether `date` lies in the window that ends on `end` (the latest current value's date). */
function inWindow(w: ComparisonWindow, date: string, end: string): boolean {
  if (compareIsoDates(date, end) > 0) return false;
  if (w.kind === 'previous-months') return compareIsoDates(date, addMonths(end, -w.months)) > 0;
  if (w.kind === 'year-start') return yearOf(date) === yearOf(end);
  return compareIsoDates(date, w.date) >= 0;
}

/**
 * One value per period from a running total: each value minus the previous one of the same
 * cumulation period (the first of a period is kept as is). Same-date duplicates: the last entered.
 */
export function decumulate(values: DatedValue[], d: Decumulation): DatedValue[] {
  const byDate = new Map<string, DatedValue>();
  for (const v of values) byDate.set(v.date, v);
  const sorted = [...byDate.values()].sort((a, b) => compareIsoDates(a.date, b.date));
  if (d.kind === 'none') return sorted;
  return sorted.map((v, i) => {
    const previous = sorted[i - 1];
    const start = cumulationStart(d, v.date);
    if (start === null || previous === undefined || compareIsoDates(previous.date, start) < 0) return v;
    return { ...v, value: v.value - previous.value };
  });
}

/**
 * The comparable current value as of `asOf` (values dated later are ignored). With the default
 * parameters it is the latest current value, exactly as `selectLatest`.
 */
export function computeComparableValue(currents: DatedValue[], asOf: string | undefined, params: ComparableValueParams = DEFAULT_COMPARABLE_VALUE): ComparableValue {
  const isDefault = params.operation === 'current' && params.decumulate.kind === 'none';
  const ruleId = `comparable-value.${params.operation}`;
  const known = currents.filter((v) => Number.isFinite(v.value) && (asOf === undefined || compareIsoDates(v.date, asOf) <= 0));
  const series = decumulate(known, params.decumulate);
  const latest = series.length > 0 ? series[series.length - 1] : null;
  if (latest === null) {
    return {
      value: null,
      explanation: { ruleId, formula: 'not computable', formulaKey: 'not-computable', unit: 'amount', value: null, reasonCode: 'missing-current', reason: 'No current value on or before the date of the rate.', inputs: [] },
    };
  }
  const raw = known.filter((v) => v.date === latest.date).at(-1) as DatedValue;
  const decumulated = params.decumulate.kind !== 'none';
  const toInput = (v: DatedValue): ExplanationInput => ({
    role: 'current',
    label: decumulated ? `current value of ${v.date} (de-cumulated)` : `current value of ${v.date}`,
    value: v.value,
    date: v.date,
    provenance: v.provenance,
    territoryCode: v.territoryCode,
  });

  if (params.operation === 'current') {
    const formula = isDefault
      ? `latest current value: ${formatAmount(raw.value)} (${raw.date})`
      : `${describeComparable(params)}: ${formatAmount(raw.value)} − ${formatAmount(raw.value - latest.value)} = ${formatAmount(latest.value)} (${latest.date})`;
    const unchanged = decumulated && latest.value === raw.value;
    return {
      value: latest,
      explanation: {
        ruleId,
        formula: unchanged ? `${describeComparable(params)}: ${formatAmount(latest.value)} (${latest.date}, first of its period)` : formula,
        formulaKey: isDefault ? 'latest-current' : unchanged ? 'decumulated-first' : 'decumulated',
        formulaParams: { raw: raw.value, previous: raw.value - latest.value, value: latest.value, date: latest.date },
        unit: 'amount',
        value: latest.value,
        inputs: [toInput(latest)],
      },
    };
  }

  const inside = series.filter((v) => inWindow(params.window, v.date, latest.date));
  const total = inside.reduce((s, v) => s + v.value, 0);
  const value = params.operation === 'sum' ? total : total / inside.length;
  const terms = inside.map((v) => formatAmount(v.value)).join(' + ');
  const what = `${params.operation} of ${inside.length} ${inside.length === 1 ? 'value' : 'values'} ${describeWindow(params.window)}${decumulated ? ` (${describeDecumulation(params.decumulate)})` : ''}`;
  const formula =
    params.operation === 'sum'
      ? `${what}: ${terms} = ${formatAmount(value)}`
      : `${what}: (${terms}) / ${inside.length} = ${formatAmount(value)}`;
  return {
    value: { ...latest, value },
    explanation: {
      ruleId,
      formula,
      formulaKey: `${params.operation}-${params.window.kind}`,
      formulaParams: {
        count: inside.length,
        terms: inside.map((v) => v.value),
        value,
        ...(params.window.kind === 'previous-months' ? { months: params.window.months } : params.window.kind === 'custom-date' ? { since: params.window.date } : {}),
      },
      unit: 'amount',
      inputs: inside.map(toInput),
      value,
    },
  };
}

// PILOTE v2's parameter strings (metadata_parametrage_indicateurs: param_vaca_* / param_vacg_*).

export interface PiloteComparableStrings {
  decumul_from?: string | null;
  partition_date?: string | null;
  op?: string | null;
}

/**
 * Reads PILOTE v2's `decumul_from`, `partition_date` and `op` (e.g. `from_year_start`,
 * `from_previous_month::3`, `from_custom_date::2023-03-01`, `sum`, `moy`, `current_value`).
 * Empty values keep the default; an unknown value throws with the parameter's name.
 */
export function parsePiloteComparable(strings: PiloteComparableStrings): ComparableValueParams {
  const out: ComparableValueParams = { ...DEFAULT_COMPARABLE_VALUE };
  const decum = strings.decumul_from?.trim();
  if (decum) {
    if (decum === 'from_year_start') out.decumulate = { kind: 'year-start' };
    else if (decum.startsWith('from_custom_date::')) out.decumulate = { kind: 'custom-date', date: isoAfter(decum, 'decumul_from') };
    else if (decum === 'none' || decum === 'no_decumul') out.decumulate = { kind: 'none' };
    else throw new Error(`decumul_from: unknown value "${decum}" (from_year_start, from_custom_date::YYYY-MM-DD)`);
  }
  const partition = strings.partition_date?.trim();
  if (partition) {
    if (partition === 'from_year_start') out.window = { kind: 'year-start' };
    else if (partition.startsWith('from_previous_month::')) {
      const months = Number(partition.slice('from_previous_month::'.length));
      if (!Number.isInteger(months) || months <= 0) throw new Error(`partition_date: "${partition}" needs a whole number of months`);
      out.window = { kind: 'previous-months', months };
    } else if (partition.startsWith('from_custom_date::')) out.window = { kind: 'custom-date', date: isoAfter(partition, 'partition_date') };
    else throw new Error(`partition_date: unknown value "${partition}" (from_previous_month::N, from_year_start, from_custom_date::YYYY-MM-DD)`);
  }
  const op = strings.op?.trim();
  if (op) {
    if (op === 'current_value') out.operation = 'current';
    else if (op === 'sum') out.operation = 'sum';
    else if (op === 'moy' || op === 'mean' || op === 'avg') out.operation = 'mean';
    else throw new Error(`op: unknown value "${op}" (current_value, sum, moy)`);
  }
  return out;
}

/** The same parameters in PILOTE v2's words, e.g. `{ decumul_from: null, partition_date: 'from_year_start', op: 'sum' }`. */
export function toPiloteComparable(params: ComparableValueParams): Required<PiloteComparableStrings> {
  const d = params.decumulate;
  const w = params.window;
  return {
    decumul_from: d.kind === 'none' ? null : d.kind === 'year-start' ? 'from_year_start' : `from_custom_date::${d.date}`,
    partition_date: w.kind === 'year-start' ? 'from_year_start' : w.kind === 'previous-months' ? `from_previous_month::${w.months}` : `from_custom_date::${w.date}`,
    op: params.operation === 'current' ? 'current_value' : params.operation === 'sum' ? 'sum' : 'moy',
  };
}

function isoAfter(text: string, name: string): string {
  const date = text.slice(text.indexOf('::') + 2);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${name}: "${text}" needs a date YYYY-MM-DD`);
  yearOf(date); // throws on an impossible date
  return date;
}
