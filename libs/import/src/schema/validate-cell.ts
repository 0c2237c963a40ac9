import { parseDate } from '../values/parse-date';
import { looksLikeFormula, parseNumber } from '../values/parse-number';
import { isValueInRange } from '../values/value-range';
import type { TableSchemaField } from './table-schema.types';

export type CellValue = string | number | null;
export type CellCheck = { ok: true; value: CellValue } | { ok: false; code: string; params?: Record<string, string | number> };

/**
 * Checks one cell against its Table Schema field, locally: missing values, required, type
 * (string, number, integer, date), enum, pattern, minimum/maximum. Returns the typed value or
 * the i18n code of the problem. Enums compare without case (VI = vi) and give the listed form.
 */
export function validateCell(field: TableSchemaField, raw: string, missingValues: readonly string[] = ['']): CellCheck {
  const text = raw.trim();
  const constraints = field.constraints ?? {};
  if (missingValues.includes(text)) return constraints.required ? { ok: false, code: 'required' } : { ok: true, value: null };
  switch (field.type) {
    case 'string':
      return checkString(field, text);
    case 'number':
    case 'integer': {
      const parsed = parseNumber(text);
      if (!parsed.ok) return { ok: false, code: parsed.reason === 'formula' ? 'formulaInNumber' : parsed.reason };
      if (!isValueInRange(parsed.value)) return { ok: false, code: 'outOfRange' };
      if (field.type === 'integer' && !Number.isInteger(parsed.value)) return { ok: false, code: 'notAnInteger' };
      if (constraints.minimum !== undefined && parsed.value < constraints.minimum) return { ok: false, code: 'belowMinimum', params: { minimum: constraints.minimum } };
      if (constraints.maximum !== undefined && parsed.value > constraints.maximum) return { ok: false, code: 'aboveMaximum', params: { maximum: constraints.maximum } };
      return { ok: true, value: parsed.value };
    }
    case 'date': {
      const parsed = parseDate(text);
      return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, code: parsed.reason };
    }
  }
}

function checkString(field: TableSchemaField, text: string): CellCheck {
  const constraints = field.constraints ?? {};
  const coded = constraints.enum !== undefined || constraints.pattern !== undefined;
  // Free text (a territory name) may start with "=": it is text. A code never does.
  if (coded && looksLikeFormula(text)) return { ok: false, code: 'formulaInCode' };
  if (constraints.enum) {
    const match = constraints.enum.find((option) => option.toLowerCase() === text.toLowerCase());
    return match === undefined ? { ok: false, code: 'notInList', params: { allowed: constraints.enum.join(', ') } } : { ok: true, value: match };
  }
  if (constraints.pattern && !anchored(constraints.pattern).test(text)) return { ok: false, code: 'badCode' };
  return { ok: true, value: text };
}

const patterns = new Map<string, RegExp>();

/** Table Schema patterns match the whole value. */
function anchored(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (!regex) patterns.set(pattern, (regex = new RegExp(`^(?:${pattern})$`)));
  return regex;
}
