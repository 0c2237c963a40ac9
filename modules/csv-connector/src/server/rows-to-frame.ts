import { type ConnectorQuery, type DataFrame, type Field, type FieldType, UserFacingError } from '@pilote/module-sdk/server';
import type { CsvSource } from './csv-source.schema';

const TERRITORY_HEADER = /^(code|territory|territoire|code_territoire|territory_code|code_insee)$/i;
const TERRITORY_CODE = /^(FRANCE|R\d{2}|D(\d{2,3}|2[AB])|E\d{9}|C(\d{5}|2[AB]\d{3})|[A-Z]+-?[A-Z0-9-]*)$/;

/** "1 234,5" and "1234.5" → 1234.5; anything else → undefined. */
export function parseNumber(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(compact)) return undefined;
  return Number(compact.replace(',', '.'));
}

/** ISO `2026-03-31` or French `31/03/2026` → `2026-03-31`. */
export function parseDate(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  return fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : undefined;
}

function inferType(header: string, values: string[]): FieldType {
  const filled = values.filter((value) => value.trim() !== '');
  if (TERRITORY_HEADER.test(header) && filled.every((value) => TERRITORY_CODE.test(value.trim()))) return 'territory';
  if (filled.length > 0 && filled.every((value) => parseNumber(value) !== undefined)) return 'number';
  if (filled.length > 0 && filled.every((value) => parseDate(value.trim()) !== undefined)) return 'time';
  return 'string';
}

/**
 * Header + rows → DataFrame. Declared column types are checked cell by cell; a bad cell is an
 * error naming the file, the line and the column. The query's filters are applied last.
 */
export function rowsToFrame(rows: string[][], source: CsvSource, query: ConnectorQuery = {}, name = source.source): DataFrame {
  if (rows.length === 0) throw new UserFacingError(`${name} is empty`, 'The first line must name the columns.', 'CONNECTOR_FORMAT');
  const header = rows[0].map((cell) => cell.trim());
  const body = rows.slice(1);
  const wanted = source.columns ? Object.keys(source.columns) : header;
  const missing = wanted.filter((column) => !header.includes(column));
  if (missing.length) throw new UserFacingError(`${name}: column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} not found`, `The header has: ${header.join(', ')}`, 'CONNECTOR_FORMAT');
  const fields: Field[] = wanted.map((column) => {
    const index = header.indexOf(column);
    const cells = body.map((row) => (row[index] ?? '').trim());
    const declared = source.columns?.[column];
    const type = declared?.type ?? inferType(column, cells);
    const values = cells.map((cell, row) => {
      if (cell === '') return null;
      const where = `${name} line ${row + 2}, column "${column}"`;
      if (type === 'number') {
        const number = parseNumber(cell);
        if (number === undefined) throw new UserFacingError(`${where}: "${cell}" is not a number`, 'Use digits with a dot or a comma as decimal separator, e.g. 12,5.', 'CONNECTOR_FORMAT');
        return number;
      }
      if (type === 'time') {
        const date = parseDate(cell);
        if (!date) throw new UserFacingError(`${where}: "${cell}" is not a date`, 'Use 2026-03-31 or 31/03/2026.', 'CONNECTOR_FORMAT');
        return date;
      }
      return cell;
    });
    return { name: declared?.name ?? column, type, ...(declared?.unit ? { unit: declared.unit } : {}), values } as Field;
  });
  return applyQuery({ fields, meta: { source: name } }, query);
}

function applyQuery(frame: DataFrame, query: ConnectorQuery): DataFrame {
  const length = frame.fields[0]?.values.length ?? 0;
  const territory = frame.fields.find((field) => field.type === 'territory');
  const time = frame.fields.find((field) => field.type === 'time');
  const codes = query.territoryCodes ? new Set(query.territoryCodes) : undefined;
  const keep: number[] = [];
  for (let i = 0; i < length && (query.limit === undefined || keep.length < query.limit); i += 1) {
    if (codes && territory && !codes.has(String(territory.values[i]))) continue;
    const date = time?.values[i];
    if (time && typeof date === 'string' && ((query.from && date < query.from) || (query.to && date > query.to))) continue;
    keep.push(i);
  }
  const fields = frame.fields.filter((field) => !query.fields || query.fields.includes(field.name));
  return { ...frame, fields: fields.map((field) => ({ ...field, values: keep.map((i) => field.values[i]) }) as Field) };
}
