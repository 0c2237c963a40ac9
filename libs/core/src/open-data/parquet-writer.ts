import type { TableSchema } from '../public/table-schemas';

/** The parquet physical type of each Table Schema type: dates as DATE (days since 1970), numbers as DOUBLE. */
const PARQUET_TYPE = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  number: { type: 'DOUBLE' },
  date: { type: 'INT32', converted_type: 'DATE' },
  boolean: { type: 'BOOLEAN' },
} as const;

type Cell = string | number | boolean | Date | null;

function cellOf(type: keyof typeof PARQUET_TYPE, value: unknown, where: string): Cell {
  if (value === null || value === undefined || value === '') return null;
  switch (type) {
    case 'string':
      return String(value);
    case 'boolean':
      return value === true || value === 'true' || value === 't';
    case 'number': {
      const number = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(number)) throw new Error(`${where}: "${String(value)}" is not a number.`);
      return number;
    }
    case 'date': {
      const day = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`${where}: "${day}" is not a date (YYYY-MM-DD).`);
      return new Date(`${day}T00:00:00Z`);
    }
  }
}

// hyparquet-writer is an ES module: loaded once, on first use (Node ≥ 20.19 requires ESM from CommonJS).
let writerModule: Promise<typeof import('hyparquet-writer')> | undefined;
const loadWriter = () => (writerModule ??= import('hyparquet-writer'));

/**
 * The rows as an Apache Parquet file whose columns are the Table Schema's fields, in its order and
 * with its types (every column optional: empty cells are nulls, as `missingValues: ['']` says in CSV).
 * The schema travels inside the file too (key `table_schema`), so a file alone says what it holds.
 */
export async function toParquet(schema: TableSchema, rows: Record<string, unknown>[]): Promise<Buffer> {
  const { parquetWriteBuffer } = await loadWriter();
  const columnData = schema.fields.map((field) => ({
    name: field.name,
    data: rows.map((row, index) => cellOf(field.type, row[field.name], `row ${index + 1}, field ${field.name}`)),
  }));
  const buffer = parquetWriteBuffer({
    columnData,
    schema: [
      { name: 'root', num_children: schema.fields.length },
      ...schema.fields.map((field) => ({ name: field.name, ...PARQUET_TYPE[field.type], repetition_type: 'OPTIONAL' as const })),
    ],
    kvMetadata: [{ key: 'table_schema', value: JSON.stringify(schema) }],
    createdBy: 'PILOTE kit',
  });
  return Buffer.from(buffer);
}
