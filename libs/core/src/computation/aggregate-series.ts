import { aggregateValues, type AggregateComputed, type AggregationMethod } from '@pilote/engine';
import type { SeriesPoint, TerritoryNode } from './computation.types';

export interface AggregatedPoint {
  date: string;
  value: number;
  childCount: number;
  computed: AggregateComputed;
}

/**
 * Aggregates children's series date by date. At each date where any child has a value, every
 * child contributes its latest value on or before that date (a département that reported last
 * month still counts in this month's national sum); the explanation lists each child's own date
 * and says "x of y" when some children have no value yet.
 */
export function aggregateSeries(
  method: AggregationMethod,
  children: { node: TerritoryNode; points: SeriesPoint[] }[],
  expectedChildren: number,
): AggregatedPoint[] {
  const dates = [...new Set(children.flatMap((child) => child.points.map((p) => p.date)))].sort();
  // ISO dates order as plain strings (no locale-aware collation needed); the sort is stable.
  const sorted = children.map((child) => ({ node: child.node, points: [...child.points].sort(byDate) }));
  const cursor = sorted.map(() => -1);
  const points: AggregatedPoint[] = [];
  for (const date of dates) {
    const values: { territoryCode: string; value: number; date: string; population?: number }[] = [];
    sorted.forEach((child, index) => {
      while (cursor[index] + 1 < child.points.length && child.points[cursor[index] + 1].date <= date) cursor[index] += 1;
      const point = child.points[cursor[index]];
      if (point) values.push({ territoryCode: child.node.code, value: point.value, date: point.date, population: child.node.population ?? undefined });
    });
    const computed = aggregateValues(method, values, { expectedChildren });
    if (computed.value === null) continue;
    points.push({ date, value: computed.value, childCount: values.length, computed });
  }
  return points;
}

const byDate = (a: SeriesPoint, b: SeriesPoint) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
