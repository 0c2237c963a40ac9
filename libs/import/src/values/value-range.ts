/**
 * The largest magnitude a value may have: 10^15. Far above any indicator (a national budget in
 * euros is ~10^12), and small enough that sums of millions of values stay finite and exact to the
 * unit in a float8 — 1.7e308 would make a région's sum Infinity and break its series for everyone.
 */
export const MAX_ABS_VALUE = 1e15;

/** Finite and within ±MAX_ABS_VALUE. */
export function isValueInRange(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= MAX_ABS_VALUE;
}
