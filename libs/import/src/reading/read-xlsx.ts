import { createReadStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { TableReadError } from './table-read-error';
import type { ReadProgress, TableRow, TableSource } from './table.types';

/**
 * Streams the first worksheet of an XLSX workbook with exceljs' streaming reader: rows are
 * parsed from the zipped XML as they come, never the whole sheet in memory. Every cell becomes
 * text (dates as YYYY-MM-DD, numbers in full precision) so CSV and XLSX share one validation.
 */
export async function readXlsx(file: string, totalBytes: number, onBytes?: (progress: ReadProgress) => void): Promise<TableSource> {
  let bytesRead = 0;
  const counted = new PassThrough();
  const input = createReadStream(file);
  input.on('data', (chunk) => {
    bytesRead += chunk.length;
    onBytes?.({ bytesRead, totalBytes });
  });
  input.on('error', (error) => counted.destroy(error));
  input.pipe(counted);
  // Loaded on first XLSX only: exceljs is large and most imports are CSV.
  const { stream } = (await import('exceljs')).default;
  const workbook = new stream.xlsx.WorkbookReader(counted, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const sheets = workbook[Symbol.asyncIterator]();
  let sheetRows: AsyncIterator<ExcelJS.Row>;
  let sheetName: string | undefined;
  try {
    const sheet = await sheets.next();
    if (sheet.done) throw new TableReadError('xlsxNoSheet', {});
    sheetName = (sheet.value as unknown as { name?: string }).name;
    sheetRows = sheet.value[Symbol.asyncIterator]();
  } catch (error) {
    input.destroy();
    if (error instanceof TableReadError) throw error;
    throw new TableReadError('xlsxUnreadable', { reason: (error as Error).message.slice(0, 200) });
  }
  const header = await sheetRows.next();
  if (header.done) {
    input.destroy();
    throw new TableReadError('empty', {});
  }
  const headerCells = rowCells(header.value).map((cell) => cell.trim());

  async function* rows(): AsyncGenerator<TableRow> {
    try {
      for (;;) {
        const next = await sheetRows.next();
        if (next.done) break;
        yield { line: next.value.number, cells: rowCells(next.value) };
      }
      // The other sheets are not read: drain nothing, just stop the file stream.
    } catch (error) {
      throw new TableReadError('xlsxUnreadable', { reason: (error as Error).message.slice(0, 200) });
    } finally {
      input.destroy();
    }
  }

  return {
    info: { format: 'xlsx', sheet: sheetName, header: headerCells, headerLine: header.value.number },
    rows: rows(),
  };
}

function rowCells(row: ExcelJS.Row): string[] {
  const values = row.values as unknown[];
  const cells: string[] = [];
  for (let i = 1; i < values.length; i += 1) cells.push(cellText(values[i]));
  return cells;
}

/** Cell value → text. A formula cell gives its last computed result, as Excel shows it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const object = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; formula?: unknown; error?: string };
    if (Array.isArray(object.richText)) return object.richText.map((part) => part.text).join('');
    if ('formula' in object || 'sharedFormula' in object) return cellText(object.result);
    if (typeof object.error === 'string') return object.error;
    if (object.text !== undefined) return cellText(object.text);
  }
  return String(value);
}
