// Display helpers for formulas: values stay unrounded, only their rendering is shortened.

const MINUS = '−';

/** Renders a number for a formula: integers as is, others with 2 decimals (4 significant digits below 1). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  // floating-point noise such as 1e-15 reads as zero
  if (abs < 1e-9) return '0';
  let text: string;
  if (Number.isInteger(value)) text = String(abs);
  else if (abs >= 1) text = trimZeros(abs.toFixed(2));
  else text = trimZeros(abs.toPrecision(4));
  // -0.001 rounds to "0": do not print "−0"
  return value < 0 && Number(text) !== 0 ? `${MINUS}${text}` : text;
}

/** Same as formatNumber, but wraps negatives in parentheses so "a − b" stays readable. */
export function formatOperand(value: number): string {
  const text = formatNumber(value);
  return text.startsWith(MINUS) ? `(${text})` : text;
}

function trimZeros(text: string): string {
  if (text.includes('e') || !text.includes('.')) return text;
  return text.replace(/0+$/, '').replace(/\.$/, '');
}
