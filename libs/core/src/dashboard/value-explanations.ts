import type { Explanation } from '@pilote/engine';
import type { EntityManager } from 'typeorm';
import { aggregateSeries } from '../computation/aggregate-series';
import type { IndicatorMeta, SeriesKind } from '../computation/computation.types';
import { DatabaseComputationStore } from '../computation/database-computation-store';
import { explanationIds, type IndicatorValueKind } from '../computation/explanation-ids';

interface ValueAt {
  name: string; territory: string; level: string; settings: IndicatorMeta['levels'];
  value: number | null; date: string | null; provenance: string | null;
}

const COLUMNS: Record<IndicatorValueKind, { value: string; date: string; series: SeriesKind; role: string }> = {
  initial: { value: 'initial_value', date: 'initial_date', series: 'VI', role: 'initial' },
  'annual-target': { value: 'annual_target', date: 'annual_target_date', series: 'VC', role: 'target' },
  'global-target': { value: 'global_target', date: 'global_target_date', series: 'VC', role: 'target' },
  current: { value: 'current_value', date: 'current_value_date', series: 'VA', role: 'current' },
};

/**
 * How an indicator's initial value, target or current value at a territory was obtained, so
 * every number of a policy page opens an explanation: aggregated from the territories below
 * (recomputed on read from their series, each child linking to its own value), or entered.
 */
export async function explainIndicatorValue(db: EntityManager, indicatorId: string, territoryCode: string, kind: IndicatorValueKind): Promise<{ explanation: Explanation; title: string } | null> {
  const c = COLUMNS[kind];
  const rateColumn = kind === 'annual-target' ? 'annual_explanation' : 'global_explanation';
  const rows = (await db.query(
    `SELECT i.name, t.name AS territory, t.level, i.level_settings AS settings, s.${c.value} AS value, to_char(s.${c.date}, 'YYYY-MM-DD') AS date,
            (SELECT x->>'provenance' FROM jsonb_array_elements(s.${rateColumn}->'inputs') x WHERE x->>'role' = $3 LIMIT 1) AS provenance
     FROM indicator_state s JOIN indicator i ON i.id = s.indicator_id JOIN territory t ON t.code = s.territory_code
     WHERE s.indicator_id = $1 AND s.territory_code = $2`,
    [indicatorId, territoryCode, c.role],
  )) as ValueAt[];
  const at = rows[0];
  if (!at || at.value === null || at.date === null) return null;
  const title = `${at.name} — ${at.territory}`;
  const settings = at.settings?.[at.level];
  if (at.provenance === 'aggregate' && settings?.[c.series] === 'aggregated') {
    const store = new DatabaseComputationStore(db);
    const children = (await store.children([territoryCode])).get(territoryCode) ?? [];
    const series = await store.series(indicatorId, children.map((child) => child.code));
    const points = aggregateSeries(settings.aggregation, children.map((node) => ({ node, points: series.get(node.code)?.[c.series] ?? [] })), children.length);
    const point = points.find((p) => p.date === at.date);
    if (point) {
      const e = point.computed.explanation;
      // each child opens its own value of the same kind
      const inputs = e.inputs.map((input) => (input.territoryCode ? { ...input, ref: explanationIds.indicatorValue(indicatorId, input.territoryCode, kind) } : input));
      return { title, explanation: { ...e, inputs } };
    }
  }
  return {
    title,
    explanation: {
      ruleId: 'value.entered',
      formula: `entered value: ${at.value} (${at.date})`,
      formulaKey: 'entered-value',
      formulaParams: { value: at.value, date: at.date },
      unit: 'amount',
      value: at.value,
      inputs: [{ role: c.role, label: kind, value: at.value, date: at.date, ...(at.provenance ? { provenance: at.provenance as 'import' } : {}) }],
    },
  };
}
