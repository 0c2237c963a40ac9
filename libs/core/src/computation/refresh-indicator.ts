import { computeIndicatorRates, type AggregateComputed, type CalculationParams, type DatedValue, type Explanation, type Provenance } from '@pilote/engine';
import { toEngineParams } from '../referential/calculation-settings';
import { aggregateSeries } from './aggregate-series';
import type { ComputationStore, DerivedRow, StateRow } from './computation-store';
import { type IndicatorMeta, SERIES_KINDS, type SeriesPoint, type TerritoryNode, type TerritorySeries, emptySeries } from './computation.types';
import { explanationIds } from './explanation-ids';
import { applyFallbacks, reportsParentValues } from './territorial-fallbacks';

export interface IndicatorRefreshResult {
  /** Territories whose state was recomputed. */
  territories: string[];
}

const toDated = (points: SeriesPoint[]): DatedValue[] => points.map((p) => ({ value: p.value, date: p.date, provenance: p.provenance as Provenance }));

/**
 * Recomputes one indicator at the given territories, finest level first, so that an aggregated
 * level reads its children's fresh values: derived series, then rates with their explanations.
 */
export async function refreshIndicator(
  store: ComputationStore,
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
  const parentOf = await addReportingChildren(store, indicator, byLevel, levelOrder);
  const levels = [...byLevel.keys()].sort((a, b) => rank(b) - rank(a));
  const done: string[] = [];
  // A level reporting its parents' values computes its states once every coarser level's series are fresh.
  const deferred: { level: string; nodes: TerritoryNode[]; currents: Map<string, AggregateComputed> }[] = [];
  for (const level of levels) {
    const nodes = byLevel.get(level) ?? [];
    const currents = await aggregateLevel(store, indicator, level, nodes, asOf);
    if (reportsParentValues(indicator.levels[level]?.calculation)) deferred.push({ level, nodes, currents });
    else await writeStates(store, indicator, level, nodes, currents, asOf, null);
    done.push(...nodes.map((n) => n.code));
  }
  for (const { level, nodes, currents } of deferred) await writeStates(store, indicator, level, nodes, currents, asOf, parentOf);
  return { territories: done };
}

/** Rates of one level's territories, after the fallbacks its calculation settings ask for. */
async function writeStates(
  store: ComputationStore,
  indicator: IndicatorMeta,
  level: string,
  nodes: TerritoryNode[],
  currents: Map<string, AggregateComputed>,
  asOf: string,
  parentOf: Map<string, string> | null,
): Promise<void> {
  const codes = nodes.map((n) => n.code);
  const series = await store.series(indicator.id, codes);
  const settings = indicator.levels[level];
  // the indicator's PILOTE calculation parameters at this level (absent: the engine's defaults)
  const params = toEngineParams(settings?.calculation);
  const parents = parentOf ? await store.series(indicator.id, [...new Set(codes.map((c) => parentOf.get(c)).filter((c): c is string => c !== undefined))]) : null;
  const states = nodes.map((node) => {
    const parentCode = parentOf?.get(node.code);
    const parent = parents ? { series: parentCode ? parents.get(parentCode) : undefined, code: parentCode } : null;
    const { series: own, steps } = applyFallbacks(series.get(node.code) ?? emptySeries(), settings, parent);
    return computeState(indicator, node.code, own, asOf, currents.get(node.code) ?? null, params, steps);
  });
  await store.replaceStates(indicator.id, codes, states);
}

/**
 * At a level reporting its parents' values, a write above must refresh the territories below
 * that have no values of their own: adds the children of the parent level's territories, and
 * returns each reporting territory's parent (the territory of the level just above it).
 */
async function addReportingChildren(store: ComputationStore, indicator: IndicatorMeta, byLevel: Map<string, TerritoryNode[]>, levelOrder: string[]): Promise<Map<string, string>> {
  const parentOf = new Map<string, string>();
  for (const [level, settings] of Object.entries(indicator.levels)) {
    const above = levelOrder[levelOrder.indexOf(level) - 1];
    if (!reportsParentValues(settings.calculation) || above === undefined) continue;
    const parents = byLevel.get(above) ?? [];
    if (parents.length === 0) continue;
    const children = await store.children(parents.map((p) => p.code));
    let list = byLevel.get(level);
    if (!list) byLevel.set(level, (list = []));
    const known = new Set(list.map((n) => n.code));
    for (const [parentCode, kids] of children) {
      for (const kid of kids.filter((k) => k.level === level)) {
        parentOf.set(kid.code, parentCode);
        if (known.has(kid.code)) continue;
        list.push(kid);
        known.add(kid.code);
      }
    }
  }
  return parentOf;
}

/** Derived series of the kinds this level aggregates; returns how each current value was obtained. */
async function aggregateLevel(store: ComputationStore, indicator: IndicatorMeta, level: string, nodes: TerritoryNode[], asOf: string): Promise<Map<string, AggregateComputed>> {
  const settings = indicator.levels[level];
  const aggregatedKinds = SERIES_KINDS.filter((kind) => settings[kind] === 'aggregated');
  const explanations = new Map<string, AggregateComputed>();
  if (aggregatedKinds.length === 0) return explanations;
  const codes = nodes.map((n) => n.code);
  const children = await store.children(codes);
  const childCodes = [...new Set([...children.values()].flat().map((c) => c.code))];
  const childSeries = await store.series(indicator.id, childCodes);
  const derived: DerivedRow[] = [];
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
      if (kind === 'VA' && latest) explanations.set(node.code, latest.computed);
    }
  }
  await store.replaceDerived(indicator.id, codes, derived);
  return explanations;
}

function computeState(
  indicator: IndicatorMeta,
  territoryCode: string,
  s: TerritorySeries,
  asOf: string,
  current: AggregateComputed | null,
  params: Partial<CalculationParams> | undefined,
  fallbackSteps: Explanation[] = [],
): StateRow {
  const currents = toDated(s.VA);
  const input = { direction: indicator.direction, initials: toDated(s.VI), currents, targets: toDated(s.VC), asOf, params };
  const rates = computeIndicatorRates(input);
  // Trend: the global rate as it stood with the previous current value.
  const earlier = currents.filter((p) => p.date <= asOf).slice(0, -1);
  const previous = earlier.length ? computeIndicatorRates({ ...input, currents: earlier }).global.value : null;
  return {
    territory: territoryCode,
    initial: rates.initial,
    current: rates.current,
    annualTarget: rates.annualTarget,
    globalTarget: rates.globalTarget,
    annualRate: rates.annual.value,
    globalRate: rates.global.value,
    previousGlobalRate: previous,
    annualExplanation: withSteps({ ...rates.annual.explanation, inputs: withRefs(rates.annual.explanation.inputs, indicator.id, territoryCode) }, fallbackSteps),
    globalExplanation: withSteps({ ...rates.global.explanation, inputs: withRefs(rates.global.explanation.inputs, indicator.id, territoryCode) }, fallbackSteps),
    currentExplanation: current?.explanation ?? null,
  };
}

/** The territorial fallbacks applied come first among the rate's steps (the series it was computed on). */
function withSteps(explanation: Explanation, fallbackSteps: Explanation[]): Explanation {
  return fallbackSteps.length ? { ...explanation, steps: [...fallbackSteps, ...(explanation.steps ?? [])] } : explanation;
}

/** Lets the reader drill from a rate's current value into how it was aggregated. */
function withRefs<T extends { role: string; provenance?: string; ref?: string }>(inputs: T[], indicatorId: string, territoryCode: string): T[] {
  return inputs.map((input) =>
    input.role === 'current' && input.provenance === 'aggregate' ? { ...input, ref: explanationIds.indicatorCurrent(indicatorId, territoryCode) } : input,
  );
}
