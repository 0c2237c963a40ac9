import schemaJson from './pilote-measures.schema.json';
import type { TableSchema, TableSchemaField } from './table-schema.types';

/** The published Table Schema of the PILOTE measures format (served at /api/v1/schemas/pilote-measures.json). */
export const piloteMeasuresSchema = schemaJson as TableSchema;

export const PILOTE_COLUMNS = ['identifiant_indic', 'zone_id', 'zone_nom', 'date_valeur', 'type_valeur', 'valeur'] as const;

export function schemaField(name: (typeof PILOTE_COLUMNS)[number]): TableSchemaField {
  const field = piloteMeasuresSchema.fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`pilote-measures schema has no field ${name}`);
  return field;
}
