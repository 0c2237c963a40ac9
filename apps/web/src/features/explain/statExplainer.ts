import type { GaugeStat } from '@pilote/ui';
import type { StatsExplanations } from '../../api/types';

/** A gauge's `onExplainStat`: opens the explanation of min, median or max when the API gave one for each. */
export function statExplainer(stats: StatsExplanations, explain: (id: string) => void): ((stat: GaugeStat) => void) | undefined {
  const ids = { min: stats.minExplanationId, median: stats.medianExplanationId, max: stats.maxExplanationId };
  if (!ids.min || !ids.median || !ids.max) return undefined;
  return (stat) => explain(ids[stat] as string);
}
