import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../sql/bulk-insert';
import type { ComputationStore, DerivedRow, StateRow } from './computation-store';
import { emptySeries, type SeriesKind, type TerritoryNode, type TerritorySeries } from './computation.types';
import { derivedColumns, stateColumns } from './database-computation-store';

export interface MemoryMeasure {
  indicatorId: string;
  territoryCode: string;
  kind: 'VI' | 'VA' | 'VC' | 'VC_INTERMEDIATE';
  date: string;
  value: number;
}

/**
 * Holds every input of a full computation in memory (a first-start seed into an empty database)
 * and collects results, written at the end with `flush` in large batches. Same rules, same
 * results as the database store; only the round trips differ.
 */
export class MemoryComputationStore implements ComputationStore {
  private readonly seriesByKey = new Map<string, TerritorySeries>();
  private readonly childrenByParent = new Map<string, TerritoryNode[]>();
  private readonly derived: (DerivedRow & { indicatorId: string })[] = [];
  private readonly states: (StateRow & { indicatorId: string })[] = [];

  constructor(
    measures: readonly MemoryMeasure[],
    territories: readonly (TerritoryNode & { parentCode: string | null })[],
    provenance: string,
    memberships: readonly { perimeterCode: string; memberCode: string }[] = [],
  ) {
    // Later rows win for the same date, as with append-only measures.
    for (const m of measures) {
      const series = this.seriesOf(m.indicatorId, m.territoryCode);
      const kind: SeriesKind = m.kind === 'VC_INTERMEDIATE' ? 'VC' : m.kind;
      const list = series[kind];
      const existing = list.findIndex((p) => p.date === m.date);
      if (existing >= 0) list[existing] = { date: m.date, value: m.value, provenance };
      else list.push({ date: m.date, value: m.value, provenance });
    }
    for (const series of this.seriesByKey.values()) for (const kind of ['VI', 'VA', 'VC'] as const) series[kind].sort((a, b) => a.date.localeCompare(b.date));
    // Same rule as readChildren: a perimeter's children are its members, and a perimeter is
    // nobody's child.
    const perimeters = new Set(memberships.map((m) => m.perimeterCode));
    const byCode = new Map(territories.map((t) => [t.code, t]));
    for (const m of memberships) {
      const member = byCode.get(m.memberCode);
      if (!member) continue;
      let list = this.childrenByParent.get(m.perimeterCode);
      if (!list) this.childrenByParent.set(m.perimeterCode, (list = []));
      list.push({ code: member.code, level: member.level, population: member.population });
    }
    for (const t of territories) {
      if (!t.parentCode || perimeters.has(t.code)) continue;
      let list = this.childrenByParent.get(t.parentCode);
      if (!list) this.childrenByParent.set(t.parentCode, (list = []));
      list.push({ code: t.code, level: t.level, population: t.population });
    }
  }

  private seriesOf(indicatorId: string, territoryCode: string): TerritorySeries {
    const key = `${indicatorId}|${territoryCode}`;
    let series = this.seriesByKey.get(key);
    if (!series) this.seriesByKey.set(key, (series = emptySeries()));
    return series;
  }

  async series(indicatorId: string, territoryCodes: string[]) {
    const result = new Map<string, TerritorySeries>();
    for (const code of territoryCodes) {
      const series = this.seriesByKey.get(`${indicatorId}|${code}`);
      if (series) result.set(code, series);
    }
    return result;
  }

  async children(parentCodes: string[]) {
    return new Map(parentCodes.map((code) => [code, this.childrenByParent.get(code) ?? []]));
  }

  async replaceDerived(indicatorId: string, territoryCodes: string[], rows: DerivedRow[]) {
    // Derived series become inputs of the levels above, exactly as derived_measure rows would.
    for (const code of territoryCodes) {
      const series = this.seriesOf(indicatorId, code);
      for (const row of rows.filter((r) => r.territory === code)) series[row.kind].push({ date: row.date, value: row.value, provenance: 'aggregate' });
    }
    for (const row of rows) this.derived.push({ ...row, indicatorId });
  }

  async replaceStates(indicatorId: string, _territoryCodes: string[], rows: StateRow[]) {
    for (const row of rows) this.states.push({ ...row, indicatorId });
  }

  /** Writes every result into an empty database (the seed path: nothing to delete first). */
  async flush(manager: EntityManager): Promise<{ derived: number; states: number }> {
    await bulkInsert(manager, 'derived_measure', derivedColumns((r) => (r as DerivedRow & { indicatorId: string }).indicatorId), this.derived);
    await bulkInsert(manager, 'indicator_state', stateColumns((r) => (r as StateRow & { indicatorId: string }).indicatorId), this.states, { chunkSize: 2000 });
    return { derived: this.derived.length, states: this.states.length };
  }
}
