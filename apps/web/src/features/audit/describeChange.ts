export interface ChangeLine {
  /** The field that changed; null when the value itself is not an object. */
  key: string | null;
  old: string | null;
  new: string | null;
}

const parse = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};
const show = (value: unknown): string | null => (value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value));
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An audit line's old → new (JSON texts) as one line per field: fields present on both sides with
 * the same value are left out when something else changed, so "value: 15.5 → 20" is not lost
 * among the unchanged ones.
 */
export function describeChange(oldText: string | null, newText: string | null): ChangeLine[] {
  const before = parse(oldText);
  const after = parse(newText);
  if (!(isRecord(before) || isRecord(after)) || (before !== null && !isRecord(before)) || (after !== null && !isRecord(after))) {
    return before === null && after === null ? [] : [{ key: null, old: show(before), new: show(after) }];
  }
  const from = (before ?? {}) as Record<string, unknown>;
  const to = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  const lines = keys.map((key) => ({ key, old: show(from[key]), new: show(to[key]) }));
  const changed = lines.filter((line) => line.old !== line.new);
  return changed.length > 0 && before !== null ? changed : lines;
}
