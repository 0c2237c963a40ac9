import type { EntityManager } from 'typeorm';
import { bulkInsert, type BulkColumn } from '../sql/bulk-insert';
import type { ComputationStore, DerivedRow, StateRow } from './computation-store';
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

/** Reads and writes through the caller's transaction: results are visible when it commits. */
export class DatabaseComputationStore implements ComputationStore {
  constructor(private readonly manager: EntityManager) {}

  series(indicatorId: string, territoryCodes: string[]) {
    return readSeries(this.manager, indicatorId, territoryCodes);
  }

  children(parentCodes: string[]) {
    return readChildren(this.manager, parentCodes);
  }

  async replaceDerived(indicatorId: string, territoryCodes: string[], rows: DerivedRow[]) {
    await this.manager.query(`DELETE FROM derived_measure WHERE indicator_id = $1 AND territory_code = ANY($2::text[])`, [indicatorId, territoryCodes]);
    await bulkInsert(this.manager, 'derived_measure', derivedColumns(() => indicatorId), rows);
  }

  async replaceStates(indicatorId: string, territoryCodes: string[], rows: StateRow[]) {
    await this.manager.query(`DELETE FROM indicator_state WHERE indicator_id = $1 AND territory_code = ANY($2::text[])`, [indicatorId, territoryCodes]);
    await bulkInsert(this.manager, 'indicator_state', stateColumns(() => indicatorId), rows);
  }
}
