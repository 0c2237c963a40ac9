import type { BindingInput } from '../binding';
import type { SourceBindingInputType } from './sync-input.types';

export interface FieldProblem {
  /** The form's field (`settings.url` — one per settings key —, `indicatorColumn`…). */
  field: string;
  /** Where in the binding (`settings.url`, `mapping.columns.territory`…). */
  path: string;
  /** In English, for logs and API clients; pages word `code` with `params` in the reader's language (ADR 032). */
  message: string;
  /** `required`, `invalid-json`, `not-object`, `id-taken`, `unknown-source`, `bad-cron`, or zod's issue code. */
  code: string;
  /** JSON of the code's parameters (bounds, expected type, format, allowed values…). */
  params?: Record<string, string | number>;
}

const MAPPING_FIELDS: Record<string, string> = {
  'mapping.columns.indicator': 'indicatorColumn',
  'mapping.columns.territory': 'territoryColumn',
  'mapping.columns.date': 'dateColumn',
  'mapping.columns.kind': 'kindColumn',
  'mapping.columns.value': 'valueColumn',
};

/** The form field a binding problem belongs to. */
export function fieldOf(path: string): string {
  if (MAPPING_FIELDS[path]) return MAPPING_FIELDS[path];
  if (path.startsWith('mapping.kinds')) return 'kindCodes';
  // A settings problem belongs to the field of its key (the form draws one field per key).
  if (path.startsWith('settings.')) return path.split('.').slice(0, 2).join('.');
  const head = path.split('.')[0];
  return head === 'mapping' ? 'indicatorColumn' : head || 'id';
}

function parseObject(text: string | null | undefined, field: string, problems: FieldProblem[]): Record<string, unknown> | undefined {
  if (text === null || text === undefined || text.trim() === '') return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    problems.push({ field, path: field, message: 'expected a JSON object, e.g. {"url": "https://…"}', code: 'not-object' });
  } catch (error) {
    problems.push({ field, path: field, message: `not valid JSON: ${(error as Error).message}`, code: 'invalid-json' });
  }
  return undefined;
}

/** The form's input as a binding (owned by `ownerIds`: the creator, or the owners kept on an edit), or the problems of its JSON fields. */
export function bindingFromForm(input: SourceBindingInputType, ownerIds: string[]): { binding: BindingInput; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const settings = parseObject(input.settings, 'settings', problems);
  if (!settings && problems.length === 0) problems.push({ field: 'settings', path: 'settings', message: 'the source needs its settings, as a JSON object', code: 'required' });
  const kinds = parseObject(input.kindCodes, 'kindCodes', problems);
  const blank = (text: string) => (text.trim() === '' ? undefined : text.trim());
  return {
    binding: {
      id: input.id.trim(), name: input.name.trim(), source: input.source.trim(), settings: settings ?? {},
      mapping: {
        columns: { indicator: blank(input.indicatorColumn), territory: blank(input.territoryColumn), date: blank(input.dateColumn), kind: blank(input.kindColumn), value: blank(input.valueColumn) },
        ...(kinds ? { kinds } : {}),
      },
      schedule: input.schedule?.trim() ? input.schedule.trim() : null,
      trusted: input.trusted,
      enabled: input.enabled ?? true,
      ownerIds,
    },
    problems,
  };
}
