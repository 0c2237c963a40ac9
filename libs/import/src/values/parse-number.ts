export type NumberParse = { ok: true; value: number } | { ok: false; reason: 'formula' | 'notANumber' | 'ambiguousSeparators' | 'outOfRange' };

const NUMBER = /^[+-]?(\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;
// Spaces (incl. no-break and narrow no-break) between digit groups: "1 234,5" as Excel writes it.
const GROUP_SPACES = /(?<=\d)[\u0020\u00a0\u202f](?=\d{3}(?:\D|$))/g;

/**
 * Reads a number written the French way (decimal comma) or the English way (decimal point).
 * A cell holding both a dot and a comma is refused rather than guessed. A cell that starts like
 * a spreadsheet formula (= + - @) and is not a plain number is never read as a number.
 */
export function parseNumber(raw: string): NumberParse {
  const text = raw.trim().replace(GROUP_SPACES, '');
  if (NUMBER.test(text)) {
    const value = Number(text.replace(',', '.'));
    // A number written in full that overflows (1e999) is a number, too large: say so.
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'outOfRange' };
  }
  if (/^[=+\-@]/.test(text)) return { ok: false, reason: 'formula' };
  if (/^[+-]?\d[\d.,]*$/.test(text) && text.includes('.') && text.includes(',')) return { ok: false, reason: 'ambiguousSeparators' };
  return { ok: false, reason: 'notANumber' };
}

/** A cell that a spreadsheet would run as a formula when opened. */
export function looksLikeFormula(raw: string): boolean {
  return /^[=+\-@\t\r]/.test(raw);
}
