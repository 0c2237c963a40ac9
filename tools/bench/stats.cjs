// Small statistics helpers for benchmarks.
function median(values) {
  const sorted = values.filter((value) => value != null && !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** "1.23 s (1.10–1.40)": median, then the range of the runs. */
function formatSeconds(valuesMs) {
  const mid = median(valuesMs);
  if (mid === undefined) return 'n/a';
  const s = (ms) => (ms / 1000).toFixed(2);
  return valuesMs.length > 1 ? `${s(mid)} s (${s(Math.min(...valuesMs))}–${s(Math.max(...valuesMs))})` : `${s(mid)} s`;
}

function formatMegabytes(valuesKb) {
  const mid = median(valuesKb);
  if (mid === undefined) return 'n/a';
  const mb = (kb) => Math.round(kb / 1024);
  return valuesKb.length > 1 ? `${mb(mid)} MB (${mb(Math.min(...valuesKb))}–${mb(Math.max(...valuesKb))})` : `${mb(mid)} MB`;
}

module.exports = { median, formatSeconds, formatMegabytes };
