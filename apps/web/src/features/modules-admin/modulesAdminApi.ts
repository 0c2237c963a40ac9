import type { LocalizedName, SettingsField, SettingsFieldKind, SettingsForm, SettingsIssue } from '@pilote/module-sdk/web';
import type { AdminModuleFieldsFragment } from '../../api/generated/graphql';
import { GraphQLRequestError } from '../../api/graphql';
import { isJsonObject } from '../../api/types';
export { AdminModulesDocument as MODULES_QUERY, ResetModuleSettingsDocument as RESET_MODULE_SETTINGS, UpdateModuleSettingsDocument as UPDATE_MODULE_SETTINGS } from '../../api/generated/graphql';

type ModuleJson = 'displayName' | 'description' | 'settings' | 'overrides' | 'settingsForm' | 'publicSettings';
/** A module as the admin query returns it, its JSON fields checked (modulesAdmin.graphql). */
export type EnabledModule = Omit<AdminModuleFieldsFragment, ModuleJson> & {
  displayName: LocalizedName;
  description: LocalizedName | null;
  settings: Record<string, unknown>;
  overrides: Record<string, unknown> | null;
  settingsForm: SettingsForm | null;
  publicSettings: Record<string, unknown>;
};

const KINDS: readonly string[] = ['string', 'number', 'integer', 'boolean', 'enum', 'string-list', 'enum-list', 'unsupported'] satisfies SettingsFieldKind[];
const isKind = (value: unknown): value is SettingsFieldKind => typeof value === 'string' && KINDS.includes(value);
const isName = (value: unknown): value is LocalizedName => isJsonObject(value) && typeof value.fr === 'string' && typeof value.en === 'string';
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const number = (value: unknown) => (typeof value === 'number' ? value : undefined);

function fieldOf(value: unknown): SettingsField | null {
  if (!isJsonObject(value) || typeof value.key !== 'string' || !isKind(value.kind)) return null;
  const options = Array.isArray(value.options) ? value.options.filter((option): option is string => typeof option === 'string') : undefined;
  const field: SettingsField = {
    key: value.key, kind: value.kind, required: value.required === true, title: text(value.title), description: text(value.description),
    default: value.default, options, min: number(value.min), max: number(value.max), format: text(value.format),
  };
  // Absent stays absent (the form tells "no default" from "default null" by the key).
  for (const key of ['title', 'description', 'default', 'options', 'min', 'max', 'format'] as const) if (!(key in value)) delete field[key];
  return field;
}

/** The module as the API sent it, its JSON fields checked: a malformed form or name is dropped, not cast. */
export function enabledModuleOf(raw: AdminModuleFieldsFragment): EnabledModule {
  const form = isJsonObject(raw.settingsForm) && Array.isArray(raw.settingsForm.fields) ? { fields: raw.settingsForm.fields.map(fieldOf) } : null;
  return {
    ...raw,
    displayName: isName(raw.displayName) ? raw.displayName : { fr: raw.id, en: raw.id },
    description: isName(raw.description) ? raw.description : null,
    settings: isJsonObject(raw.settings) ? raw.settings : {},
    overrides: isJsonObject(raw.overrides) ? raw.overrides : null,
    settingsForm: form && form.fields.every((field) => field !== null) ? { fields: form.fields.filter((field): field is SettingsField => field !== null) } : null,
    publicSettings: isJsonObject(raw.publicSettings) ? raw.publicSettings : {},
  };
}

/** The per-field problems of a BAD_USER_INPUT answer (`extensions.issues`); empty for any other error. */
export function settingsIssuesOf(error: unknown): SettingsIssue[] {
  if (!(error instanceof GraphQLRequestError)) return [];
  return (error.errors ?? []).flatMap((item) => {
    const extensions = item.extensions as { code?: string; issues?: SettingsIssue[] } | undefined;
    return extensions?.code === 'BAD_USER_INPUT' && Array.isArray(extensions.issues) ? extensions.issues : [];
  });
}
