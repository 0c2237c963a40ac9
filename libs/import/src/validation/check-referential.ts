import type { MeasureKind } from '@pilote/core';
import type { ReferentialIndex } from './referential-index';

export type ReferentialCheck = { ok: true } | { ok: false; code: string; column: 'indicator' | 'territory' | 'kind'; params?: Record<string, string | number> };

/**
 * Can this value be entered? The indicator and the territory exist, the indicator is followed
 * at the territory's level, and that kind is entered there (not aggregated from the level below).
 */
export function checkReferential(index: ReferentialIndex, indicatorId: string, territoryCode: string, kind: MeasureKind): ReferentialCheck {
  const indicator = index.indicators.get(indicatorId);
  if (!indicator) return { ok: false, code: 'unknownIndicator', column: 'indicator' };
  if (indicator.status !== 'active') return { ok: false, code: 'archivedIndicator', column: 'indicator' };
  const level = index.territories.get(territoryCode);
  if (!level) return { ok: false, code: 'unknownTerritory', column: 'territory' };
  if (index.writable && !index.writable.has(territoryCode)) return { ok: false, code: 'territoryOutOfScope', column: 'territory' };
  const settings = indicator.levels[level];
  if (!settings) return { ok: false, code: 'levelNotFollowed', column: 'territory', params: { level, levels: Object.keys(indicator.levels).join(', ') } };
  const seriesKind = kind === 'VC_INTERMEDIATE' ? 'VC' : kind;
  if (settings[seriesKind] === 'aggregated') return { ok: false, code: 'kindAggregated', column: 'kind', params: { level, kind } };
  return { ok: true };
}
