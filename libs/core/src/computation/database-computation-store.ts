import type { EntityManager } from 'typeorm';
import type { BulkColumn } from '../sql/bulk-insert';
import { copyRows } from '../sql/copy-rows';
import { replaceRows } from '../sql/replace-rows';
import type { ComputationStore, DerivedRow, StateRow } from './computation-store';
import type { TerritoryNode, TerritorySeries } from './computation.types';
import { readSeries } from './series-reader';
import { readChildren } from './territory-graph';

export const derivedColumns = (indicatorId: (row: DerivedRow) => string): BulkColumn<DerivedRow>[] => [
  { name: 'indicator_id', type: 'text', value: indicatorId },
  { name: 'territory_code', type: 'text', value: (r) => r.territory },
  { name: 'kind', type: 'text', value: (r) => r.kind },
  { name: 'date', type: 'date', value: (r) => r.date },
  { name: 'value', type: 'float8', value: (r) => r.value },
  { name: 'child_count', type: 'int', value: (r) => r.childCount },
  { name: 'expected_children', type: 'int', value: (r) => r.expected },
];

const inScope = (indicatorId: string, territoryCodes: string[]) => ({ where: 'indicator_id = $1 AND territory_code = ANY($2::text[])', params: [indicatorId, territoryCodes] });

export const stateColumns = (indicatorId: (row: StateRow) => string): BulkColumn<StateRow>[] => [
  { name: 'indicator_id', type: 'text', value: indicatorId },
  { name: 'territory_code', type: 'text', value: (r) => r.territory },
  { name: 'initial_value', type: 'float8', value: (r) => r.initial?.value ?? null },
  { name: 'initial_date', type: 'date', value: (r) => r.initial?.date ?? null },
  { name: 'current_value', type: 'float8', value: (r) => r.current?.value ?? null },
  { name: 'current_value_date', type: 'date', value: (r) => r.current?.date ?? null },
  { name: 'current_provenance', type: 'text', value: (r) => r.current?.provenance ?? null },
  { name: 'annual_target', type: 'float8', value: (r) => r.annualTarget?.value ?? null },
  { name: 'annual_target_date', type: 'date', value: (r) => r.annualTarget?.date ?? null },
  { name: 'global_target', type: 'float8', value: (r) => r.globalTarget?.value ?? null },
  { name: 'global_target_date', type: 'date', value: (r) => r.globalTarget?.date ?? null },
  { name: 'annual_rate', type: 'float8', value: (r) => r.annualRate },
  { name: 'global_rate', type: 'float8', value: (r) => r.globalRate },
  { name: 'previous_global_rate', type: 'float8', value: (r) => r.previousGlobalRate },
  { name: 'annual_explanation', type: 'jsonb', value: (r) => r.annualExplanation },
  { name: 'global_explanation', type: 'jsonb', value: (r) => r.globalExplanation },
  { name: 'current_explanation', type: 'jsonb', value: (r) => r.currentExplanation },
];

/**
 * Reads and writes through the caller's transaction: results are visible when it commits.
 * Within one refresh it remembers what it read: the series of the indicator being refreshed
 * (a level's series are its parent level's children series: read once, not twice; forgotten
 * when that territory's derived values are replaced, and when the next indicator starts, so
 * memory holds one indicator's series at most) and the territory tree (unchanged by a refresh).
 * Derived series are replaced with `replaceRows` (only the points that changed are written);
 * states are deleted and written again, with COPY on PostgreSQL for large sets (`copyRows`).
 */
export class DatabaseComputationStore implements ComputationStore {
  private seriesIndicator: string | undefined;
  /** null: read, and the territory has no value. */
  private readonly seriesByCode = new Map<string, TerritorySeries | null>();
  private readonly childrenByParent = new Map<string, TerritoryNode[]>();

  constructor(private readonly manager: EntityManager) {}

  async series(indicatorId: string, territoryCodes: string[]) {
    if (indicatorId !== this.seriesIndicator) {
      this.seriesByCode.clear();
      this.seriesIndicator = indicatorId;
    }
    const missing = territoryCodes.filter((code) => !this.seriesByCode.has(code));
    if (missing.length > 0) {
      const read = await readSeries(this.manager, indicatorId, missing);
      for (const code of missing) this.seriesByCode.set(code, read.get(code) ?? null);
    }
    const result = new Map<string, TerritorySeries>();
    for (const code of territoryCodes) {
      const series = this.seriesByCode.get(code);
      if (series) result.set(code, series);
    }
    return result;
  }

  async children(parentCodes: string[]) {
    const missing = parentCodes.filter((code) => !this.childrenByParent.has(code));
    if (missing.length > 0) {
      const read = await readChildren(this.manager, missing);
      for (const code of missing) this.childrenByParent.set(code, read.get(code) ?? []);
    }
    const result = new Map<string, TerritoryNode[]>();
    for (const code of parentCodes) {
      const children = this.childrenByParent.get(code) ?? [];
      if (children.length > 0) result.set(code, children);
    }
    return result;
  }

  async replaceDerived(indicatorId: string, territoryCodes: string[], rows: DerivedRow[]) {
    if (indicatorId === this.seriesIndicator) for (const code of territoryCodes) this.seriesByCode.delete(code);
    await replaceRows(this.manager, 'derived_measure', derivedColumns(() => indicatorId), ['indicator_id', 'territory_code', 'kind', 'date'], inScope(indicatorId, territoryCodes), rows);
  }

  async replaceStates(indicatorId: string, territoryCodes: string[], rows: StateRow[]) {
    // Every state is rewritten (its computed_at tells readers what this transaction recomputed).
    await this.manager.query(`DELETE FROM indicator_state WHERE indicator_id = $1 AND territory_code = ANY($2::text[])`, [indicatorId, territoryCodes]);
    await copyRows(this.manager, 'indicator_state', stateColumns(() => indicatorId), rows);
  }
}
