/**
 * How the admin page draws a module's settings: one field per key of the settings schema, derived
 * from the zod schema on the server (so the browser never needs zod nor the module's server part).
 */
export type SettingsFieldKind = 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'string-list' | 'enum-list' | 'unsupported';

export interface SettingsField {
  /** The settings key (the form's field name and the path server errors point at). */
  key: string;
  kind: SettingsFieldKind;
  /** `title` of the schema (`.meta({ title })`), when given. */
  title?: string;
  /** `description` of the schema (`.describe()`), when given. */
  description?: string;
  /** Required: no default and not optional, so the instance or the admin must give it. */
  required: boolean;
  default?: unknown;
  /** Allowed values (`enum`, `enum-list`). */
  options?: string[];
  /** Bounds of a number, or of a string's / list's length. */
  min?: number;
  max?: number;
  /** `email`, `uri`… for strings (from the schema's format). */
  format?: string;
}

/** The form of a module; `fields` is empty when the schema is not an object of simple values. */
export interface SettingsForm {
  fields: SettingsField[];
}

/** One problem with settings an administrator gave: `path` is the dotted key (`contextualPages.1`). */
export interface SettingsIssue {
  path: string;
  /** In English, for logs and the instance file's check; pages write `code` with `params` in the reader's language. */
  message: string;
  /** zod's issue code (too_small, too_big, invalid_type, invalid_format, unrecognized_keys, invalid_value…) or no-settings / unknown-setting */
  code?: string;
  params?: Record<string, string | number>;
}
