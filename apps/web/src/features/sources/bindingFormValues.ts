import type { SettingsField } from '@pilote/module-sdk/web';
import { type FormValues, toFormValues, toSettings } from '../modules-admin/settingsFormValues';
import type { BindingForm, SourceBinding, SourceSettingField } from './sourcesApi';

/** The form's state: the binding's own fields, and one value per setting of the chosen source (`json` settings as text). */
export interface BindingDraft extends Omit<BindingForm, 'settings'> {
  settingValues: FormValues;
  /** The settings the draft started from (an edited binding's), applied when its source's fields are known. */
  initialSettings: Record<string, unknown>;
  /** The source whose fields `settingValues` holds. */
  valuesFor: string | null;
}

export const emptyDraft = (): BindingDraft => ({
  id: '', name: '', source: '', indicatorColumn: '', territoryColumn: '', dateColumn: '', kindColumn: '', valueColumn: '', kindCodes: '', schedule: '', trusted: false, enabled: true,
  settingValues: {}, initialSettings: {}, valuesFor: null,
});

export function draftFromBinding(binding: SourceBinding): BindingDraft {
  let settings: Record<string, unknown> = {};
  try {
    settings = JSON.parse(binding.settings) as Record<string, unknown>;
  } catch {
    // The API always sends an object; an empty form is the safe fallback.
  }
  return {
    id: binding.id, name: binding.name, source: binding.source, indicatorColumn: binding.indicatorColumn, territoryColumn: binding.territoryColumn, dateColumn: binding.dateColumn,
    kindColumn: binding.kindColumn, valueColumn: binding.valueColumn, kindCodes: binding.kindCodes ?? '', schedule: binding.schedule ?? '', trusted: binding.trusted, enabled: binding.enabled,
    settingValues: {}, initialSettings: settings, valuesFor: null,
  };
}

const parseDefault = (text: string | null): unknown => {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** A source setting as the modules' settings form draws it (label and help already in the reader's words). */
export function toSdkField(field: SourceSettingField, label: string, help: string | undefined): SettingsField {
  return {
    key: field.name, kind: field.type === 'json' ? 'unsupported' : (field.type as SettingsField['kind']), required: field.required, title: label,
    ...(help ? { description: help } : {}), ...(field.options.length ? { options: field.options } : {}), default: parseDefault(field.default), ...(field.format ? { format: field.format } : {}),
  };
}

const plain = (fields: readonly SourceSettingField[]) => fields.filter((field) => field.type !== 'json').map((field) => toSdkField(field, field.name, undefined));

/** Form values of a source's settings: simple ones as the inputs hold them, `json` ones as indented JSON text. */
export function settingValuesOf(fields: readonly SourceSettingField[], settings: Record<string, unknown>): FormValues {
  const values = toFormValues(plain(fields), settings);
  for (const field of fields.filter((one) => one.type === 'json')) values[field.name] = settings[field.name] === undefined ? '' : JSON.stringify(settings[field.name], null, 2);
  return values;
}

/** The settings object to send, or the `json` fields whose text is not JSON (code `invalid-json`, by field `settings.<name>`). */
export function settingsOf(fields: readonly SourceSettingField[], values: FormValues): { settings: Record<string, unknown>; invalid: string[] } {
  const settings = toSettings(plain(fields), values);
  const invalid: string[] = [];
  for (const field of fields.filter((one) => one.type === 'json')) {
    const text = String(values[field.name] ?? '').trim();
    if (text === '') continue;
    try {
      settings[field.name] = JSON.parse(text) as unknown;
    } catch {
      invalid.push(`settings.${field.name}`);
    }
  }
  return { settings, invalid };
}

/** The GraphQL input (`SourceBindingInput`) of a draft. */
export function toInput(draft: BindingDraft, settings: Record<string, unknown>): BindingForm {
  const { settingValues: _values, initialSettings: _initial, valuesFor: _for, ...rest } = draft;
  return { ...rest, settings: JSON.stringify(settings) };
}
