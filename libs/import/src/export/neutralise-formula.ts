/**
 * A text cell that a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading
 * apostrophe, which Excel and LibreOffice show as plain text (OWASP "CSV injection"). Numbers
 * are written as numbers and never prefixed: -5 stays -5, so an export re-imports as is.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Quotes a cell when it holds the separator, a quote or a line break (RFC 4180). */
export function csvCell(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
