import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { atPath, SourceError, type SourceRecord } from '@pilote/module-sdk/server';
import type { ColumnMapping } from '@pilote/import';

/** The record keys a mapping reads (its columns), in a stable order: the spooled file's header. */
export function mappingColumns(mapping: ColumnMapping): string[] {
  const names = [mapping.columns.indicator, mapping.columns.territory, mapping.columns.date, mapping.columns.kind, mapping.columns.value, ...Object.values(mapping.values ?? {})];
  return [...new Set(names.filter((name): name is string => Boolean(name)))];
}

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes a source's records, as they stream in, to a `;` CSV file holding only the mapped columns
 * (a record's nested key `a.b` is read with a dot path), so the import reads it as any file: one
 * record in memory at a time, no database transaction open while the network is slow. Returns
 * the records' count and the SHA-256 of what was written (same source content → same hash).
 */
export async function spoolRecords(records: AsyncIterable<SourceRecord>, mapping: ColumnMapping, file: string, options: { sample?: number } = {}): Promise<{ records: number; sha256: string; bytes: number; columns: string[]; sample: string[][] }> {
  const columns = mappingColumns(mapping);
  const out = createWriteStream(file);
  const hash = createHash('sha256');
  let bytes = 0;
  const write = async (line: string) => {
    hash.update(line);
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  };
  let count = 0;
  // The first records as the import will read them (a preview shows them); never more than asked.
  const sample: string[][] = [];
  try {
    await write(`${columns.map(cellOf).join(';')}\n`);
    for await (const record of records) {
      count += 1;
      const cells = columns.map((column) => {
        const value = column in record ? record[column] : atPath(record, column);
        // A field that is absent (not null: null is "no value") means the source changed its shape.
        if (value === undefined) throw schemaChanged(count, column, record);
        return cellOf(value);
      });
      if (sample.length < (options.sample ?? 0)) sample.push(columns.map((column) => plainOf(column in record ? record[column] : atPath(record, column))));
      await write(`${cells.join(';')}\n`);
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return { records: count, sha256: hash.digest('hex'), bytes, columns, sample };
}

function plainOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function schemaChanged(recordNumber: number, column: string, record: SourceRecord): SourceError {
  const fields = Object.keys(record).slice(0, 20).join(', ');
  return new SourceError('SOURCE_SHAPE', `Record ${recordNumber} has no field "${column}" that the binding's mapping reads (its fields: ${fields || 'none'})`, {
    hint: 'The source changed its shape: fix the mapping of the binding, or ask the source why.',
  });
}
