import { maxIsoDate } from './dates';
import { formatNumber, formatOperand } from './format';
import type { Computed, Explanation, ExplanationInput } from './types';

export type AggregationMethod = 'sum' | 'mean' | 'population-weighted-mean';

export interface AggregateChild {
  territoryCode: string;
  value: number;
  date: string;
  population?: number;
}

export interface AggregateOptions {
  /** how many children the parent territory has, to report partial coverage */
  expectedChildren?: number;
}

export interface AggregateComputed extends Computed {
  /** the latest child date: an aggregate is as fresh as its freshest child */
  date: string | null;
  coverage: { count: number; expected: number | null };
}

// Beyond this many terms the formula is summarised; every child is still listed in the inputs.
const MAX_TERMS = 12;

/** A parent territory's value from its children's values (e.g. a region from its départements). */
export function aggregateValues(
  method: AggregationMethod,
  children: AggregateChild[],
  opts: AggregateOptions = {},
): AggregateComputed {
  const ruleId = `aggregate.${method}`;
  const weighted = method === 'population-weighted-mean';
  const inputs: ExplanationInput[] = children.map((c) => ({
    role: 'child',
    label: c.territoryCode,
    value: c.value,
    date: c.date,
    territoryCode: c.territoryCode,
    ...(weighted && c.population !== undefined ? { weight: c.population } : {}),
  }));
  const expected = opts.expectedChildren ?? null;
  const coverage = { count: children.length, expected };
  const date = maxIsoDate(children.map((c) => c.date));
  const fail = (reasonCode: string, reason: string, reasonParams?: Record<string, string>): AggregateComputed => ({
    value: null,
    date,
    coverage,
    explanation: { ruleId, formula: 'not computable', formulaKey: 'not-computable', unit: 'amount', value: null, reasonCode, reason, reasonParams, inputs },
  });

  if (children.length === 0) return fail('no-child', 'No child territory has a value.');
  const codes = new Set<string>();
  for (const c of children) {
    // a territory counted twice would silently inflate a sum
    if (codes.has(c.territoryCode)) return fail('duplicate-child', `Territory ${c.territoryCode} appears more than once.`, { code: c.territoryCode });
    codes.add(c.territoryCode);
    if (!Number.isFinite(c.value)) return fail('invalid-child-value', `Territory ${c.territoryCode} has no numeric value.`, { code: c.territoryCode });
  }

  let value: number;
  let formula: string;
  let formulaKey: string;
  let formulaParams: Explanation['formulaParams'];
  const values = children.map((c) => c.value);
  switch (method) {
    case 'sum': {
      value = children.reduce((s, c) => s + c.value, 0);
      formula = terms(children.map((c) => formatOperand(c.value)), ' + ', `sum of ${children.length} values`) + ` = ${formatNumber(value)}`;
      formulaKey = children.length <= MAX_TERMS ? 'sum' : 'sum-many';
      formulaParams = { terms: values, count: children.length, value };
      break;
    }
    case 'mean': {
      value = children.reduce((s, c) => s + c.value, 0) / children.length;
      const sum = terms(children.map((c) => formatOperand(c.value)), ' + ', `sum of ${children.length} values`);
      formula = `(${sum}) / ${children.length} = ${formatNumber(value)}`;
      formulaKey = children.length <= MAX_TERMS ? 'mean-of-children' : 'mean-of-children-many';
      formulaParams = { terms: values, count: children.length, value };
      break;
    }
    case 'population-weighted-mean': {
      const noPopulation = children.filter((c) => c.population === undefined || !Number.isFinite(c.population) || c.population < 0);
      if (noPopulation.length > 0) {
        return fail('missing-population', `No population for ${noPopulation.map((c) => c.territoryCode).join(', ')}.`, { codes: noPopulation.map((c) => c.territoryCode).join(', ') });
      }
      const total = children.reduce((s, c) => s + (c.population ?? 0), 0);
      if (total === 0) return fail('zero-population', 'The children\'s total population is 0.');
      value = children.reduce((s, c) => s + c.value * (c.population ?? 0), 0) / total;
      const num = terms(children.map((c) => `${formatOperand(c.value)} × ${formatNumber(c.population ?? 0)}`), ' + ', `Σ value × population over ${children.length} children`);
      const den = terms(children.map((c) => formatNumber(c.population ?? 0)), ' + ', 'Σ population');
      formula = `(${num}) / (${den}) = ${formatNumber(value)}`;
      formulaKey = 'population-weighted-mean';
      formulaParams = { count: children.length, population: total, value };
      break;
    }
  }

  const explanation: Explanation = { ruleId, formula, formulaKey, formulaParams, unit: 'amount', value, inputs };
  if (expected !== null && children.length < expected) {
    // still computed: a partial sum is useful as long as nobody mistakes it for a full one
    explanation.reasonCode = 'partial-coverage';
    explanation.reason = `Partial coverage: ${children.length} of ${expected} child territories.`;
    explanation.reasonParams = { count: children.length, expected };
  }
  return { value, date, coverage, explanation };
}

function terms(parts: string[], sep: string, summary: string): string {
  return parts.length <= MAX_TERMS ? parts.join(sep) : summary;
}
