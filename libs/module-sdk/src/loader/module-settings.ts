import type { ZodType } from 'zod';
import type { SettingsIssue } from '../common/settings-form.types';
import type { ServerModuleManifest } from '../server/server-part.types';

export type SettingsObject = Record<string, unknown>;

/** The numbers and words a zod issue's text needs (bounds, expected type, format, keys), without its English message. */
export function zodIssueParams(issue: object): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  const source = issue as Record<string, unknown>;
  for (const key of ['minimum', 'maximum', 'expected', 'format', 'origin']) {
    const value = source[key];
    if (typeof value === 'number' || typeof value === 'string') params[key] = value;
    else if (typeof value === 'bigint') params[key] = Number(value);
  }
  if (Array.isArray(source.keys)) params.keys = source.keys.join(', ');
  if (Array.isArray(source.values)) params.values = source.values.map(String).join(', ');
  return params;
}

export type SettingsResult = { ok: true; value: unknown } | { ok: false; issues: SettingsIssue[] };

/**
 * A module's effective settings: the instance file's settings, then the administrator's stored
 * overrides on top (key by key), parsed by the module's schema (defaults applied).
 */
export function resolveSettings(manifest: Pick<ServerModuleManifest, 'settingsSchema'>, configSettings: SettingsObject, overrides: SettingsObject = {}): SettingsResult {
  const given = { ...configSettings, ...overrides };
  if (!manifest.settingsSchema) {
    const keys = Object.keys(given);
    return keys.length ? { ok: false, issues: [{ path: keys[0], message: `this module takes no settings (got ${keys.join(', ')})`, code: 'no-settings', params: { keys: keys.join(', ') } }] } : { ok: true, value: given };
  }
  const parsed = manifest.settingsSchema.safeParse(given);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message, code: issue.code, params: zodIssueParams(issue) })) };
}

/**
 * Checks settings an administrator submits and keeps, as overrides, only the keys whose parsed
 * value differs from what the instance file gives: the file stays the default for the rest.
 * `knownKeys` (the schema's properties) rejects keys the module does not take.
 */
export function overridesFrom(
  manifest: Pick<ServerModuleManifest, 'settingsSchema'>,
  configSettings: SettingsObject,
  submitted: SettingsObject,
  knownKeys: readonly string[] | null,
): { ok: true; overrides: SettingsObject; value: unknown } | { ok: false; issues: SettingsIssue[] } {
  const unknown = knownKeys ? Object.keys(submitted).filter((key) => !knownKeys.includes(key)) : [];
  const unknownIssues = unknown.map((key) => ({ path: key, message: `this module has no setting "${key}"`, code: 'unknown-setting', params: { key } }));
  const result = resolveSettings(manifest, configSettings, submitted);
  if (!result.ok || unknownIssues.length > 0) return { ok: false, issues: [...unknownIssues, ...(result.ok ? [] : result.issues)] };
  const base = resolveSettings(manifest, configSettings);
  const baseValue = (base.ok ? base.value : {}) as SettingsObject;
  const value = result.value as SettingsObject;
  const overrides = Object.fromEntries(Object.entries(submitted).filter(([key]) => !sameJson(value[key], baseValue[key])));
  return { ok: true, overrides, value: result.value };
}

/** The keys of the settings an object schema declares (null when the schema is not an object). */
export function settingsKeys(schema: ZodType | undefined): string[] | null {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : null;
}

/** The settings a module lets the browser read (`publicSettings`), taken from its effective settings. */
export function pickPublicSettings(manifest: Pick<ServerModuleManifest, 'publicSettings'>, settings: unknown): SettingsObject {
  const source = (settings ?? {}) as SettingsObject;
  return Object.fromEntries((manifest.publicSettings ?? []).filter((key) => key in source).map((key) => [key, source[key]]));
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
