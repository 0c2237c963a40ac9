import ExcelJS from 'exceljs';
import { parseDelimited, UserFacingError } from '@pilote/module-sdk/server';

/** Rows of text cells (header first) from CSV or XLSX bytes. Dates of XLSX cells become ISO dates. */
export async function readTable(bytes: Buffer, format: 'csv' | 'xlsx', options: { name: string; sheet?: string; delimiter?: string }): Promise<string[][]> {
  if (format === 'csv') {
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    return parseDelimited(text, options.delimiter).filter((row) => row.some((cell) => cell.trim() !== ''));
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UserFacingError(`${options.name} is not a readable XLSX file: ${(error as Error).message}`, 'Save it again as .xlsx (Excel 2007+), or give a CSV file.', 'CONNECTOR_FORMAT');
  }
  const sheet = options.sheet ? workbook.getWorksheet(options.sheet) : workbook.worksheets[0];
  if (!sheet) throw new UserFacingError(`${options.name} has no sheet "${options.sheet}"`, `Sheets: ${workbook.worksheets.map((s) => s.name).join(', ')}`, 'CONNECTOR_FORMAT');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) cells.push(cellText(row.getCell(column).value));
    rows.push(cells);
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
  }
  return String(value);
}
