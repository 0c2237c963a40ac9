/**
 * The one data shape where connectors and visualisations meet (after Grafana's DataFrame):
 * columns of typed fields. A visualisation never knows which connector produced a frame.
 */
export type FieldType = 'number' | 'string' | 'time' | 'territory';

export interface Field<T extends FieldType = FieldType> {
  /** Stable column name (`value`, `date`, `territoryCode`…). */
  name: string;
  type: T;
  /** Unit of a number field, as shown to users (`%`, `€`, `logements`). */
  unit?: string;
  /** Human label, when the name is not enough. */
  label?: string;
  values: FieldValue<T>[];
}

export type FieldValue<T extends FieldType> = T extends 'number' ? number | null : string | null;

export interface DataFrame {
  /** Optional name of the series (e.g. the indicator's name). */
  name?: string;
  fields: Field[];
  meta?: {
    /** Where the frame came from, for provenance shown to users (connector id, file, URL). */
    source?: string;
    /** Territory level of the territory field, when the connector knows it (DEPT, REG…). */
    territoryLevel?: string;
  };
}

/** What a visualisation needs: at least these field types (e.g. one time and one number). */
export interface FrameShape {
  required: FieldType[];
  /** Any number of these extra fields is fine. */
  optional?: FieldType[];
}

export function frameLength(frame: DataFrame): number {
  return frame.fields[0]?.values.length ?? 0;
}

export function findField<T extends FieldType>(frame: DataFrame, type: T): Field<T> | undefined {
  return frame.fields.find((field): field is Field<T> => field.type === type);
}

/** Whether a frame can be drawn by a visualisation that accepts this shape. */
export function frameMatches(frame: DataFrame, shape: FrameShape): boolean {
  const available = frame.fields.map((field) => field.type);
  const remaining = [...available];
  for (const type of shape.required) {
    const index = remaining.indexOf(type);
    if (index < 0) return false;
    remaining.splice(index, 1);
  }
  return true;
}

/**
 * Checks a frame's internal consistency: every field has as many values as the first, values
 * match their type (numbers are finite or null, times are ISO dates). Returns readable problems.
 */
export function validateDataFrame(frame: DataFrame): string[] {
  const problems: string[] = [];
  const length = frameLength(frame);
  const names = new Set<string>();
  frame.fields.forEach((field, index) => {
    const where = `fields[${index}] (${field.name})`;
    if (names.has(field.name)) problems.push(`${where}: duplicate field name`);
    names.add(field.name);
    if (field.values.length !== length) problems.push(`${where}: ${field.values.length} values, expected ${length} like the first field`);
    field.values.forEach((value, row) => {
      if (value === null) return;
      if (field.type === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) problems.push(`${where} row ${row + 1}: "${String(value)}" is not a number`);
      if (field.type === 'time' && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) problems.push(`${where} row ${row + 1}: "${String(value)}" is not a date`);
      if ((field.type === 'string' || field.type === 'territory') && typeof value !== 'string') problems.push(`${where} row ${row + 1}: expected text`);
    });
  });
  return problems;
}

/** Rows as plain objects (`{ date: '2024-01-01', value: 12 }`), handy for charts and tables. */
export function frameRows(frame: DataFrame): Record<string, string | number | null>[] {
  const rows: Record<string, string | number | null>[] = [];
  for (let i = 0; i < frameLength(frame); i += 1) {
    const row: Record<string, string | number | null> = {};
    for (const field of frame.fields) row[field.name] = field.values[i] ?? null;
    rows.push(row);
  }
  return rows;
}
