import { computeIndicatorRates, type Computed, type DatedValue, type Explanation, type Provenance } from '@pilote/engine';
import type { EntityManager } from 'typeorm';
import { toEngineParams } from '../referential/calculation-settings';
import { emptySeries, type SeriesPoint } from './computation.types';
import { readIndicatorMeta } from './indicator-meta-reader';
import { readSeries } from './series-reader';
import { applyFallbacks } from './territorial-fallbacks';

export interface ProposedValue { indicatorId: string; territoryCode: string; date: string; value: number }

export interface ProposedRates {
  /** The date the rates are computed for: the later of today's as-of date and the proposed value's. */
  asOf: string;
  annual: Computed;
  global: Computed;
}

const toDated = (points: SeriesPoint[]): DatedValue[] => points.map((p) => ({ value: p.value, date: p.date, provenance: p.provenance as Provenance }));

/**
 * The rates a proposed current value (VA) WOULD give once published (PILOTE's VACP rates):
 * the published series of its territory with the proposal added (replacing a value of the same
 * date), by the rules and settings the published rates use (calculation parameters, territorial
 * fallbacks). Null when the indicator is not followed at the territory's level.
 */
export async function computeProposedRates(manager: EntityManager, proposal: ProposedValue, asOf: string): Promise<ProposedRates | null> {
  const [indicator] = await readIndicatorMeta(manager, { indicatorIds: [proposal.indicatorId] });
  const territories = (await manager.query(`SELECT level, parent_code AS "parentCode" FROM territory WHERE code = $1`, [proposal.territoryCode])) as { level: string; parentCode: string | null }[];
  const settings = indicator && territories[0] ? indicator.levels[territories[0].level] : undefined;
  if (!indicator || !settings) return null;
  const parentCode = territories[0].parentCode ?? undefined;
  const series = await readSeries(manager, indicator.id, parentCode ? [proposal.territoryCode, parentCode] : [proposal.territoryCode]);
  const own = series.get(proposal.territoryCode) ?? emptySeries();
  const withProposal = {
    ...own,
    VA: [...own.VA.filter((p) => p.date !== proposal.date), { date: proposal.date, value: proposal.value, provenance: 'user' }].sort((a, b) => a.date.localeCompare(b.date)),
  };
  const parent = { series: parentCode ? series.get(parentCode) : undefined, code: parentCode };
  // The published rates' inputs (fallbacks applied to the series as published), then the proposal's.
  const published = applyFallbacks(own, settings, parent);
  const proposed = applyFallbacks(withProposal, settings, parent);
  const at = proposal.date > asOf ? proposal.date : asOf;
  const rates = computeIndicatorRates({
    direction: indicator.direction,
    initials: toDated(published.series.VI),
    currents: toDated(published.series.VA),
    targets: toDated(published.series.VC),
    asOf: at,
    params: toEngineParams(settings.calculation),
    proposedCurrents: toDated(proposed.series.VA),
  });
  if (!rates.proposed) return null;
  const steps = (e: Explanation): Explanation => (proposed.steps.length ? { ...e, steps: [...proposed.steps, ...(e.steps ?? [])] } : e);
  return {
    asOf: at,
    annual: { value: rates.proposed.annual.value, explanation: steps(rates.proposed.annual.explanation) },
    global: { value: rates.proposed.global.value, explanation: steps(rates.proposed.global.explanation) },
  };
}
