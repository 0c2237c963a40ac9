import type { TFunction } from 'i18next';
import { formatDate, formatGap, formatNumber, formatRate } from '../format/format';
import type { Explanation, ExplanationInput } from '../types';

// The server sends codes and numbers; every word and every number of an explanation is written
// here, in the reader's language and locale (ADR 032). English `formula`/`reason` are never shown.

// Roles whose engine label ("initial value (VI)", "annual target (2026)") is better said in the user's language.
const VALUE_ROLES = new Set(['initial', 'current', 'target', 'previous', 'rate', 'previousRate', 'median', 'min', 'max', 'reported', 'aggregate', 'entered']);

/** Main text and role line of an input, in the user's language. */
export function inputLabels(input: ExplanationInput, t: TFunction): { label: string; role: string } {
  const role = t(`ui.explainPanel.roles.${input.role}`, { defaultValue: t('ui.explainPanel.value') });
  if (VALUE_ROLES.has(input.role)) {
    // The engine says which target it used ("annual target (2026)", "global target (latest)").
    const which = input.role === 'target' ? (/annual/i.test(input.label) ? 'annualTarget' : /global|final/i.test(input.label) ? 'globalTarget' : null) : null;
    return { label: which ? t(`ui.explainPanel.roles.${which}`) : role, role: '' };
  }
  if (input.role === 'child') return { label: input.territoryName ?? input.label, role };
  // Listed but not counted: the role line says why, from the note's code.
  if (input.role === 'excluded') {
    const why = input.note ? t(`ui.explainPanel.notes.${input.note}`, { defaultValue: '' }) : '';
    return { label: input.territoryName ?? input.label, role: why ? `${role} (${why})` : role };
  }
  return { label: input.label, role };
}

/** Why a number is missing or partial, from its code and parameters; never the engine's English text. */
export function reasonText(explanation: { reason?: string | null; reasonCode?: string | null; reasonParams?: string | null }, t: TFunction): string | null {
  if (!explanation.reasonCode) return explanation.reason ? t('reasons.unknown') : null;
  return t(`reasons.${explanation.reasonCode}`, { ...parseParams(explanation.reasonParams), defaultValue: t('reasons.unknown') });
}

/** The formula, from its key and parameters, numbers written for the locale ("58,67" in French). */
export function formulaText(explanation: Pick<Explanation, 'formulaKey' | 'formulaParams' | 'value' | 'unit' | 'ruleId' | 'id'>, t: TFunction, lng: string): string {
  const params = parseParams(explanation.formulaParams);
  if (!explanation.formulaKey) return t('formulas.result', { value: valueText(explanation, t, lng) });
  const texts: Record<string, string | number> = {};
  for (const [name, param] of Object.entries(params)) texts[name] = paramText(param, lng, name === 'value' || name === 'raw');
  // i18next picks plural forms from a numeric `count`
  if (typeof params.count === 'number') texts.count = params.count;
  return t(`formulas.${explanation.formulaKey}`, { ...texts, defaultValue: t('formulas.result', { value: valueText(explanation, t, lng) }) });
}

/** A rule's name in the reader's language (never its id). */
export function ruleName(ruleId: string, t: TFunction): string {
  return t(`rules.${ruleId.replace(/\./g, '_')}`, { defaultValue: t('rules.other') });
}

export type ExplainedUnit = 'rate' | 'points' | 'amount';

/** What the number is: the server says it; older stored explanations are read from their rule. */
export function unitOf(explanation: Pick<Explanation, 'unit' | 'ruleId' | 'id'>): ExplainedUnit {
  if (explanation.unit === 'rate' || explanation.unit === 'points' || explanation.unit === 'amount') return explanation.unit;
  if (/^(gap-to-median|trend)/.test(explanation.ruleId)) return 'points';
  if (/^(aggregate|comparable-value|initial|territorial-fallback|national-fallback)/.test(explanation.ruleId)) return 'amount';
  if (/^indicator:[^:]+:[^:]+:current$/.test(explanation.id)) return 'amount';
  return 'rate';
}

/** The explained value with its unit: "58,7 %" for a rate, "+4,2 pts" for a gap, "19 689" for a count. */
export function valueText(explanation: Pick<Explanation, 'value' | 'unit' | 'ruleId' | 'id'>, t: TFunction, lng: string): string {
  const unit = unitOf(explanation);
  if (unit === 'rate') return formatRate(explanation.value, lng, 1);
  if (unit === 'points') return formatGap(explanation.value, lng, t('units.points'));
  return formatNumber(explanation.value, lng);
}

type Param = number | string | number[] | [number, number][] | null;

function parseParams(json: string | null | undefined): Record<string, Param> {
  if (!json) return {};
  try {
    const parsed = JSON.parse(json) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, Param>) : {};
  } catch {
    return {};
  }
}

/** A parameter for the text: numbers for the locale, lists as a sum, [a, b] pairs as "a × b", ISO dates as dates. */
function paramText(param: Param, lng: string, result = false): string {
  if (param === null || param === undefined) return '—';
  if (typeof param === 'number') return result ? formatNumber(param, lng).replace(/^-/, '−') : operand(param, lng);
  if (typeof param === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(param) ? formatDate(param, lng) : param;
  return (param as (number | [number, number])[])
    .map((term) => (Array.isArray(term) ? `${operand(term[0], lng)} × ${operand(term[1], lng)}` : operand(term, lng)))
    .join(' + ');
}

/** A number inside a formula: negatives in parentheses so "a − b" stays readable. */
function operand(value: number, lng: string): string {
  const text = formatNumber(value, lng).replace(/^-/, '−');
  return value < 0 ? `(${text})` : text;
}
