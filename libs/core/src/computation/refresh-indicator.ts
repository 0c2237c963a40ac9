import { computeIndicatorRates, type AggregateComputed, type DatedValue, type Provenance } from '@pilote/engine';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../sql/bulk-insert';
import { aggregateSeries } from './aggregate-series';
import { type IndicatorMeta, SERIES_KINDS, type SeriesPoint, type TerritoryNode, type TerritorySeries, emptySeries } from './computation.types';
import { explanationIds } from './explanation-ids';
import { readSeries } from './series-reader';
import { readChildren } from './territory-graph';

export interface IndicatorRefreshResult {
  /** Territories whose state was recomputed. */
  territories: string[];
}

const toDated = (points: SeriesPoint[]): DatedValue[] => points.map((p) => ({ value: p.value, date: p.date, provenance: p.provenance as Provenance }));

/**
 * Recomputes one indicator at the given territories, deepest level first, so that an aggregated
 * level reads its children's fresh values: derived series, then rates with their explanations.
 */
export async function refreshIndicator(
  manager: EntityManager,
  indicator: IndicatorMeta,
  territories: TerritoryNode[],
  levelOrder: string[],
  asOf: string,
): Promise<IndicatorRefreshResult> {
  const rank = (level: string) => {
    const index = levelOrder.indexOf(level);
    return index < 0 ? levelOrder.length : index;
  };
  const byLevel = new Map<string, TerritoryNode[]>();
  for (const territory of territories) {
    if (!indicator.levels[territory.level]) continue; // indicator not followed at this level
    let list = byLevel.get(territory.level);
    if (!list) byLevel.set(territory.level, (list = []));
    list.push(territory);
  }
  const levels = [...byLevel.keys()].sort((a, b) => rank(b) - rank(a));
  const done: string[] = [];
  for (const level of levels) {
    const nodes = byLevel.get(level) ?? [];
    const settings = indicator.levels[level];
    const codes = nodes.map((n) => n.code);
    const aggregatedKinds = SERIES_KINDS.filter((kind) => settings[kind] === 'aggregated');
    const currentExplanations = new Map<string, AggregateComputed>();
    if (aggregatedKinds.length > 0) {
      const children = await readChildren(manager, codes);
      const childCodes = [...new Set([...children.values()].flat().map((c) => c.code))];
      const childSeries = await readSeries(manager, indicator.id, childCodes);
      const derived: { territory: string; kind: string; date: string; value: number; childCount: number; expected: number }[] = [];
      for (const node of nodes) {
        const kids = children.get(node.code) ?? [];
        for (const kind of aggregatedKinds) {
          const points = aggregateSeries(
            settings.aggregation,
            kids.map((kid) => ({ node: kid, points: childSeries.get(kid.code)?.[kind] ?? [] })),
            kids.length,
          );
          for (const point of points) derived.push({ territory: node.code, kind, date: point.date, value: point.value, childCount: point.childCount, expected: kids.length });
          const latest = points.filter((p) => p.date <= asOf).at(-1);
          if (kind === 'VA' && latest) currentExplanations.set(node.code, latest.computed);
        }
      }
      await manager.query(`DELETE FROM derived_measure WHERE indicator_id = $1 AND territory_code = ANY($2::text[])`, [indicator.id, codes]);
      await bulkInsert(
        manager,
        'derived_measure',
        [
          { name: 'indicator_id', type: 'text', value: () => indicator.id },
          { name: 'territory_code', type: 'text', value: (r) => r.territory },
          { name: 'kind', type: 'text', value: (r) => r.kind },
          { name: 'date', type: 'date', value: (r) => r.date },
          { name: 'value', type: 'float8', value: (r) => r.value },
          { name: 'child_count', type: 'int', value: (r) => r.childCount },
          { name: 'expected_children', type: 'int', value: (r) => r.expected },
        ],
        derived,
      );
    }
    const series = await readSeries(manager, indicator.id, codes);
    const states = nodes.map((node) => {
      const s: TerritorySeries = series.get(node.code) ?? emptySeries();
      const rates = computeIndicatorRates({ direction: indicator.direction, initials: toDated(s.VI), currents: toDated(s.VA), targets: toDated(s.VC), asOf });
      const annualExplanation = { ...rates.annual.explanation, inputs: withRefs(rates.annual.explanation.inputs, indicator.id, node.code) };
      const globalExplanation = { ...rates.global.explanation, inputs: withRefs(rates.global.explanation.inputs, indicator.id, node.code) };
      // Trend: the global rate as it stood with the previous current value.
      const earlier = s.VA.filter((p) => p.date <= asOf).slice(0, -1);
      const previousRate = earlier.length
        ? computeIndicatorRates({ direction: indicator.direction, initials: toDated(s.VI), currents: toDated(earlier), targets: toDated(s.VC), asOf }).global.value
        : null;
      return {
        node, rates, annualExplanation, globalExplanation,
        previousGlobal: previousRate,
        currentExplanation: currentExplanations.get(node.code)?.explanation ?? null,
      };
    });
    await manager.query(`DELETE FROM indicator_state WHERE indicator_id = $1 AND territory_code = ANY($2::text[])`, [indicator.id, codes]);
    await bulkInsert(
      manager,
      'indicator_state',
      [
        { name: 'indicator_id', type: 'text', value: () => indicator.id },
        { name: 'territory_code', type: 'text', value: (r) => r.node.code },
        { name: 'initial_value', type: 'float8', value: (r) => r.rates.initial?.value ?? null },
        { name: 'initial_date', type: 'date', value: (r) => r.rates.initial?.date ?? null },
        { name: 'current_value', type: 'float8', value: (r) => r.rates.current?.value ?? null },
        { name: 'current_value_date', type: 'date', value: (r) => r.rates.current?.date ?? null },
        { name: 'current_provenance', type: 'text', value: (r) => r.rates.current?.provenance ?? null },
        { name: 'annual_target', type: 'float8', value: (r) => r.rates.annualTarget?.value ?? null },
        { name: 'annual_target_date', type: 'date', value: (r) => r.rates.annualTarget?.date ?? null },
        { name: 'global_target', type: 'float8', value: (r) => r.rates.globalTarget?.value ?? null },
        { name: 'global_target_date', type: 'date', value: (r) => r.rates.globalTarget?.date ?? null },
        { name: 'annual_rate', type: 'float8', value: (r) => r.rates.annual.value },
        { name: 'global_rate', type: 'float8', value: (r) => r.rates.global.value },
        { name: 'previous_global_rate', type: 'float8', value: (r) => r.previousGlobal },
        { name: 'annual_explanation', type: 'jsonb', value: (r) => r.annualExplanation },
        { name: 'global_explanation', type: 'jsonb', value: (r) => r.globalExplanation },
        { name: 'current_explanation', type: 'jsonb', value: (r) => r.currentExplanation },
      ],
      states,
    );
    done.push(...codes);
  }
  return { territories: done };
}

/** Lets the reader drill from a rate's current value into how it was aggregated. */
function withRefs<T extends { role: string; provenance?: string; ref?: string }>(inputs: T[], indicatorId: string, territoryCode: string): T[] {
  return inputs.map((input) =>
    input.role === 'current' && input.provenance === 'aggregate' ? { ...input, ref: explanationIds.indicatorCurrent(indicatorId, territoryCode) } : input,
  );
}
