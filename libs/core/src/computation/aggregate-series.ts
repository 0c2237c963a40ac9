import { aggregateValues, type AggregateComputed, type AggregationMethod } from '@pilote/engine';
import type { SeriesPoint, TerritoryNode } from './computation.types';

export interface AggregatedPoint {
  date: string;
  value: number;
  childCount: number;
  computed: AggregateComputed;
}

/**
 * Aggregates children's points date by date (only children with a value at that date count;
 * the explanation says "x of y"). Targets and periodic values share dates across territories.
 */
export function aggregateSeries(
  method: AggregationMethod,
  children: { node: TerritoryNode; points: SeriesPoint[] }[],
  expectedChildren: number,
): AggregatedPoint[] {
  const byDate = new Map<string, { territoryCode: string; value: number; date: string; population?: number }[]>();
  for (const child of children) {
    for (const point of child.points) {
      let list = byDate.get(point.date);
      if (!list) byDate.set(point.date, (list = []));
      list.push({ territoryCode: child.node.code, value: point.value, date: point.date, population: child.node.population ?? undefined });
    }
  }
  const points: AggregatedPoint[] = [];
  for (const date of [...byDate.keys()].sort()) {
    const values = byDate.get(date) ?? [];
    const computed = aggregateValues(method, values, { expectedChildren });
    if (computed.value === null) continue;
    points.push({ date, value: computed.value, childCount: values.length, computed });
  }
  return points;
}
