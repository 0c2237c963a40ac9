import { type DataFrame, findField, frameLength } from '@pilote/module-sdk';

/** Time × number → one series of points sorted by date (nulls dropped). */
export function frameToLineSeries(frame: DataFrame): { id: string; data: { x: string; y: number }[] }[] {
  const time = findField(frame, 'time');
  const numbers = frame.fields.filter((field) => field.type === 'number');
  if (!time || numbers.length === 0) return [];
  return numbers.map((field) => {
    const data: { x: string; y: number }[] = [];
    for (let i = 0; i < frameLength(frame); i += 1) {
      const x = time.values[i];
      const y = field.values[i];
      if (typeof x === 'string' && typeof y === 'number') data.push({ x: x.slice(0, 10), y });
    }
    data.sort((a, b) => a.x.localeCompare(b.x));
    return { id: field.label ?? field.name, data };
  });
}

/** Category (string or territory) × number → bars; the label field is the first string field that is not the category. */
export function frameToBars(frame: DataFrame): { key: string; label: string; value: number }[] {
  const category = frame.fields.find((field) => field.type === 'territory') ?? frame.fields.find((field) => field.type === 'string');
  const label = frame.fields.find((field) => field.type === 'string' && field !== category);
  const value = findField(frame, 'number');
  if (!category || !value) return [];
  const bars: { key: string; label: string; value: number }[] = [];
  for (let i = 0; i < frameLength(frame); i += 1) {
    const key = category.values[i];
    const y = value.values[i];
    if (typeof key === 'string' && typeof y === 'number') bars.push({ key, label: String(label?.values[i] ?? key), value: y });
  }
  return bars;
}
