import type { SettingsField } from '@pilote/module-sdk/web';

/** What an input holds: text for text and number inputs, a flag for switches, a list for check boxes. */
export type FieldValue = string | boolean | string[];
export type FormValues = Record<string, FieldValue>;

/** Form values from the effective settings (unsupported fields are not edited here). */
export function toFormValues(fields: readonly SettingsField[], settings: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = settings[field.key] ?? field.default;
    switch (field.kind) {
      case 'boolean':
        values[field.key] = value === true;
        break;
      case 'enum-list':
        values[field.key] = Array.isArray(value) ? value.map(String) : [];
        break;
      case 'string-list':
        values[field.key] = Array.isArray(value) ? value.map(String).join('\n') : '';
        break;
      case 'unsupported':
        break;
      default:
        values[field.key] = value === undefined || value === null ? '' : String(value);
    }
  }
  return values;
}

/**
 * Settings to submit. An empty text leaves the key out, so the instance file (or the default)
 * applies; a number that does not parse is sent as typed, for the server to name the problem.
 */
export function toSettings(fields: readonly SettingsField[], values: FormValues): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.key];
    if (value === undefined || field.kind === 'unsupported') continue;
    if (field.kind === 'boolean' || field.kind === 'enum-list') settings[field.key] = value;
    else if (field.kind === 'string-list') settings[field.key] = String(value).split('\n').map((line) => line.trim()).filter(Boolean);
    else if (value === '') continue;
    else if (field.kind === 'number' || field.kind === 'integer') settings[field.key] = Number.isFinite(Number(value)) ? Number(value) : value;
    else settings[field.key] = value;
  }
  return settings;
}
