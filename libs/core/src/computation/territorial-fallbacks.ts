import { aggregateOrEntered, reportParentValues, type Explanation } from '@pilote/engine';
import type { CalculationSettings } from '../referential/calculation-settings';
import type { LevelSettings } from '../referential/referential.schema';
import { type SeriesKind, type SeriesPoint, type TerritorySeries } from './computation.types';

// PILOTE's territorial fallbacks, applied to a territory's series before its rates are computed.
// Both are off unless the level's `calculation` asks for them (defaults keep the kit's behaviour).

const KIND_WORDS: Record<SeriesKind, string> = { VI: 'initial value', VA: 'current value', VC: 'target' };

export interface FallbackResult {
  series: TerritorySeries;
  /** How each fallback that changed a series did it: steps of the rates' explanations. */
  steps: Explanation[];
}

export const reportsParentValues = (settings: CalculationSettings | undefined) => settings?.reportParentValues === true;

/**
 * Regional values reported to départements (PILOTE `replicate_val_reg_to`): each kind the
 * territory has no value of takes its parent's values, marked with the parent's code.
 */
export function withParentValues(own: TerritorySeries, parent: TerritorySeries | undefined, parentCode: string | undefined): FallbackResult {
  if (!parent || !parentCode) return { series: own, steps: [] };
  const series: TerritorySeries = { ...own };
  const steps: Explanation[] = [];
  for (const kind of ['VI', 'VA', 'VC'] as const) {
    const reported = reportParentValues(dated(own[kind]), dated(parent[kind]), parentCode, KIND_WORDS[kind]);
    if (reported.source !== 'parent') continue;
    series[kind] = parent[kind];
    steps.push(reported.explanation);
  }
  return { series, steps };
}

/**
 * "Règle 544": an aggregated VI or VC uses only the aggregate once there is one, and the value
 * entered at this level until then (instead of both, as without the rule).
 */
export function enteredUntilAggregated(series: TerritorySeries, aggregatedKinds: SeriesKind[]): FallbackResult {
  const out: TerritorySeries = { ...series };
  const steps: Explanation[] = [];
  for (const kind of aggregatedKinds.filter((k) => k === 'VI' || k === 'VC')) {
    const aggregate = series[kind].filter((p) => p.provenance === 'aggregate');
    const entered = series[kind].filter((p) => p.provenance !== 'aggregate');
    if (entered.length === 0) continue; // nothing entered here: the rule changes nothing
    const chosen = aggregateOrEntered(latest(aggregate), latest(entered), KIND_WORDS[kind]);
    out[kind] = aggregate.length > 0 ? aggregate : entered;
    steps.push(chosen.explanation);
  }
  return { series: out, steps };
}

/** Both fallbacks as a level's settings ask, in PILOTE's order: règle 544 first, then the parent's values. */
export function applyFallbacks(
  own: TerritorySeries,
  settings: LevelSettings | undefined,
  parent: { series: TerritorySeries | undefined; code: string | undefined } | null,
): FallbackResult {
  let series = own;
  const steps: Explanation[] = [];
  if (settings?.calculation?.enteredUntilAggregated) {
    const r = enteredUntilAggregated(series, (['VI', 'VA', 'VC'] as const).filter((kind) => settings[kind] === 'aggregated'));
    series = r.series;
    steps.push(...r.steps);
  }
  if (parent && reportsParentValues(settings?.calculation)) {
    const r = withParentValues(series, parent.series, parent.code);
    series = r.series;
    steps.push(...r.steps);
  }
  return { series, steps };
}

const dated = (points: SeriesPoint[]) => points.map((p) => ({ value: p.value, date: p.date }));

function latest(points: SeriesPoint[]): { value: number; date: string } | null {
  const last = [...points].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  return last ? { value: last.value, date: last.date } : null;
}
