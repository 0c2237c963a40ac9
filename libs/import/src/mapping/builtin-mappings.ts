import barometre from './barometre.mapping.json';
import pilote from './pilote.mapping.json';
import { type ColumnMapping, columnMappingSchema } from './column-mapping';

/** Mappings shipped with the kit, by id; `--mapping barometre` picks one by name. */
export const builtinMappings: ColumnMapping[] = [columnMappingSchema.parse(pilote), columnMappingSchema.parse(barometre)];

export const piloteMapping = builtinMappings[0];

/** The first built-in mapping whose columns are all in the header (PILOTE's format first). */
export function detectMapping(header: readonly string[]): ColumnMapping | undefined {
  const names = new Set(header.map((name) => name.trim().toLowerCase()));
  return builtinMappings.find((mapping) => requiredColumns(mapping).every((column) => names.has(column.toLowerCase())));
}

export function requiredColumns(mapping: ColumnMapping): string[] {
  const { indicator, territory, date, kind, value } = mapping.columns;
  return [indicator, territory, date, ...(kind ? [kind] : []), ...(value ? [value] : []), ...Object.values(mapping.values ?? {})];
}
