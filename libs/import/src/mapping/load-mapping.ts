import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { formatZodIssues } from '@pilote/core';
import { builtinMappings } from './builtin-mappings';
import { type ColumnMapping, columnMappingSchema } from './column-mapping';

export class MappingError extends Error {}

/** A mapping by built-in id (`barometre`) or from a JSON/YAML file; every problem at once. */
export function loadMapping(reference: string): ColumnMapping {
  const builtin = builtinMappings.find((mapping) => mapping.id === reference);
  if (builtin) return builtin;
  if (!existsSync(reference)) {
    throw new MappingError(`Mapping "${reference}" not found: give a file path or one of ${builtinMappings.map((m) => m.id).join(', ')}`);
  }
  let raw: unknown;
  try {
    const text = readFileSync(reference, 'utf8');
    raw = /\.ya?ml$/i.test(reference) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new MappingError(`Mapping ${reference} cannot be read: ${(error as Error).message}`);
  }
  const parsed = columnMappingSchema.safeParse(raw);
  if (!parsed.success) throw new MappingError(`Mapping ${reference} is invalid:\n${formatZodIssues(parsed.error.issues, '  ').join('\n')}`);
  return parsed.data;
}
