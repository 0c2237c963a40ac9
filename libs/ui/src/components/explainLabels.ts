import type { TFunction } from 'i18next';
import type { Explanation, ExplanationInput } from '../types';

// Roles whose engine label ("initial value (VI)", "annual target (2026)") is better said in the user's language.
const VALUE_ROLES = new Set(['initial', 'current', 'target', 'previous']);

/** Main text and role line of an input, in the user's language where the engine wrote English. */
export function inputLabels(input: ExplanationInput, t: TFunction): { label: string; role: string } {
  const role = t(`ui.explainPanel.roles.${input.role}`, { defaultValue: input.role });
  if (VALUE_ROLES.has(input.role)) {
    // The engine says which target it used ("annual target (2026)", "global target (latest)").
    const which = input.role === 'target' ? (/annual/i.test(input.label) ? 'annualTarget' : /global|final/i.test(input.label) ? 'globalTarget' : null) : null;
    return { label: which ? t(`ui.explainPanel.roles.${which}`) : role, role: '' };
  }
  // "Indicator name: weight 1 → 0.25": the numbers are in the value and weight columns.
  if (input.role === 'weight') return { label: input.label.replace(/: weight [^:]*$/, ''), role };
  if (input.role === 'child') return { label: input.territoryName ?? input.label, role };
  // A mean's input without a value: the role line says it was left out.
  if (input.role === 'excluded') return { label: input.label.replace(/ \(no value\)$/, ''), role };
  return { label: input.label, role };
}

/** Why a number is missing or partial: translated from its code when known, else the engine's text. */
export function reasonText(explanation: Pick<Explanation, 'reason' | 'reasonCode'>, t: TFunction): string | null {
  if (!explanation.reason) return null;
  if (!explanation.reasonCode) return explanation.reason;
  return t(`reasons.${explanation.reasonCode}`, { defaultValue: explanation.reason, details: explanation.reason });
}
