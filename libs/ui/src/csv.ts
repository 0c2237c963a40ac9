import type { CellValue, DataColumn } from './components/dataTable';

/**
 * Neutralises spreadsheet formulas (CSV injection): a text cell starting with = + - @, tab or
 * carriage return is prefixed with a quote. Numbers are left as they are.
 */
export function neutralizeCell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(cell: string, separator: string): string {
  return /["\n\r]/.test(cell) || cell.includes(separator) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** CSV text of the given rows and columns (header = column headers). */
export function toCsv<T>(rows: T[], columns: Pick<DataColumn<T>, 'header' | 'value'>[], separator = ';'): string {
  const lines = [columns.map((c) => quote(neutralizeCell(c.header), separator)).join(separator)];
  for (const row of rows) lines.push(columns.map((c) => quote(neutralizeCell(c.value(row)), separator)).join(separator));
  return lines.join('\r\n') + '\r\n';
}

/** Triggers the download of a CSV file (UTF-8 with BOM so that spreadsheet software reads accents). */
export function downloadCsv(filename: string, csv: string): void {
  const blob = new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
