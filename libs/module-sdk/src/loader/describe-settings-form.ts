import { z, type ZodType } from 'zod';
import type { SettingsField, SettingsForm } from '../common/settings-form.types';

/** The part of a JSON Schema this form reads (draft 2020-12, as zod 4 writes it). */
interface JsonSchemaNode {
  type?: string | string[];
  enum?: unknown[];
  items?: JsonSchemaNode;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  default?: unknown;
  title?: string;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  anyOf?: JsonSchemaNode[];
}

/**
 * Describes a settings schema as form fields. Uses the *input* JSON Schema, so a key with a
 * default is not required (the admin may leave it). Keys the form cannot edit (objects, records,
 * unions) are listed as `unsupported`: they stay as the instance file sets them.
 */
export function describeSettingsForm(schema: ZodType): SettingsForm {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  if (json.type !== 'object' || !json.properties) return { fields: [] };
  const required = new Set(json.required ?? []);
  return { fields: Object.entries(json.properties).map(([key, node]) => describeField(key, node, required.has(key) && node.default === undefined)) };
}

function describeField(key: string, node: JsonSchemaNode, required: boolean): SettingsField {
  // `.optional()` on the input side may come as anyOf [X, null]; read the non-null branch.
  const value = node.anyOf?.find((branch) => branch.type !== 'null') ?? node;
  const field: SettingsField = { key, kind: kindOf(value), required };
  const title = node.title ?? value.title;
  const description = node.description ?? value.description;
  if (title) field.title = title;
  if (description) field.description = description;
  const fallback = node.default ?? value.default;
  if (fallback !== undefined) field.default = fallback;
  if (field.kind === 'enum') field.options = stringsOf(value.enum);
  if (field.kind === 'enum-list') field.options = stringsOf(value.items?.enum);
  const bounds = boundsOf(value);
  if (bounds.min !== undefined) field.min = bounds.min;
  if (bounds.max !== undefined) field.max = bounds.max;
  if (value.format) field.format = value.format;
  return field;
}

function kindOf(node: JsonSchemaNode): SettingsField['kind'] {
  if (node.enum && node.enum.every((option) => typeof option === 'string')) return 'enum';
  switch (node.type) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'array':
      if (node.items?.enum?.every((option) => typeof option === 'string')) return 'enum-list';
      return node.items?.type === 'string' ? 'string-list' : 'unsupported';
    default:
      return 'unsupported';
  }
}

function boundsOf(node: JsonSchemaNode): { min?: number; max?: number } {
  if (node.type === 'number' || node.type === 'integer') return { min: node.minimum ?? node.exclusiveMinimum, max: node.maximum ?? node.exclusiveMaximum };
  if (node.type === 'string') return { min: node.minLength, max: node.maxLength };
  if (node.type === 'array') return { min: node.minItems, max: node.maxItems };
  return {};
}

const stringsOf = (values: unknown[] | undefined): string[] => (values ?? []).filter((value): value is string => typeof value === 'string');
