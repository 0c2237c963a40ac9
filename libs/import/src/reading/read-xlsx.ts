import { createReadStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExceljs } from './load-exceljs';
import { TableReadError } from './table-read-error';
import type { ReadProgress, TableRow, TableSource } from './table.types';
import { checkXlsxSize, xlsxLimits } from './xlsx-size-check';

/**
 * Streams the first worksheet of an XLSX workbook with exceljs' streaming reader: rows are
 * parsed from the zipped XML as they come, never the whole sheet in memory. Every cell becomes
 * text (dates as YYYY-MM-DD, numbers in full precision) so CSV and XLSX share one validation.
 * Before that, the parts' unpacked sizes are checked (xlsx-size-check.ts); while reading, the
 * cells are counted against a cap. Whatever exceljs trips on becomes a located TableReadError.
 */
export async function readXlsx(file: string, totalBytes: number, onBytes?: (progress: ReadProgress) => void): Promise<TableSource> {
  const limits = xlsxLimits();
  await checkXlsxSize(file, limits);
  let bytesRead = 0;
  const counted = new PassThrough();
  const input = createReadStream(file);
  input.on('data', (chunk) => {
    bytesRead += chunk.length;
    onBytes?.({ bytesRead, totalBytes });
  });
  input.on('error', (error) => counted.destroy(error));
  input.pipe(counted);
  // Loaded on first XLSX only, and only if the instance installed it (load-exceljs.ts).
  let stream: typeof ExcelJS.stream;
  try {
    ({ stream } = await loadExceljs());
  } catch (error) {
    input.destroy();
    throw error;
  }
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
  // Rows may leave out their number (`r` is optional): count them ourselves then.
  let line = 0;
  let cells = 0;
  const nextRow = async (): Promise<{ line: number; cells: string[] } | null> => {
    let next: IteratorResult<ExcelJS.Row>;
    try {
      next = await sheetRows.next();
    } catch (error) {
      throw readFailure(error, line + 1);
    }
    if (next.done) return null;
    line = Number.isInteger(next.value.number) && next.value.number > line ? next.value.number : line + 1;
    const values = rowCells(next.value);
    cells += values.length;
    if (cells > limits.maxCells) throw new TableReadError('xlsxTooManyCells', { limit: limits.maxCells }, line);
    return { line, cells: values };
  };

  let header: { line: number; cells: string[] } | null;
  try {
    header = await nextRow();
  } catch (error) {
    input.destroy();
    throw error;
  }
  if (!header) {
    input.destroy();
    throw new TableReadError('empty', {});
  }
  const headerCells = header.cells.map((cell) => cell.trim());

  async function* rows(): AsyncGenerator<TableRow> {
    try {
      for (let row = await nextRow(); row; row = await nextRow()) yield row;
      // The other sheets are not read: drain nothing, just stop the file stream.
    } finally {
      input.destroy();
    }
  }

  return {
    info: { format: 'xlsx', sheet: sheetName, header: headerCells, headerLine: header.line },
    rows: rows(),
  };
}

/**
 * What exceljs threw, as a report line. Cells without their `r` reference (optional in the
 * format, left out by some generators) are the one case it cannot read: say so and how to fix it.
 */
function readFailure(error: unknown, line: number): TableReadError {
  if (error instanceof TableReadError) return error;
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  if (stack.includes('decodeAddress')) return new TableReadError('xlsxNoCellReferences', {}, line);
  return new TableReadError('xlsxUnreadable', { reason: (error instanceof Error ? error.message : String(error)).slice(0, 200) }, line);
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
