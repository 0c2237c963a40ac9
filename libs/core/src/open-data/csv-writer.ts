/** Cells that a spreadsheet would run as a formula are prefixed with a quote (CSV injection). */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function escapeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutralizeCell(String(value));
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Semicolon-separated, as French spreadsheets expect, with a header row. */
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  return [columns.join(';'), ...rows.map((row) => columns.map((column) => escapeCell(row[column])).join(';'))].join('\n') + '\n';
}
