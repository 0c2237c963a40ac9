export interface Stats {
  min: number | null;
  median: number | null;
  max: number | null;
  count: number;
}

/** Median of finite values (mean of the two middle ones for an even count); null when there are none. */
export function median(values: number[]): number | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Min, median, max and count of the finite values (NaN and infinities are ignored, not counted). */
export function computeStats(values: number[]): Stats {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return { min: null, median: null, max: null, count: 0 };
  return { min: Math.min(...finite), median: median(finite), max: Math.max(...finite), count: finite.length };
}
