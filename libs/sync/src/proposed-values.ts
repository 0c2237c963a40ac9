import { type ColumnMapping, createRowMapper, IssueCollector, loadReferentialIndex, readTable } from '@pilote/import';
import type { MeasureKind } from '@pilote/core';
import type { EntityManager } from 'typeorm';

/** A value a run of an untrusted binding proposes for validation instead of publishing it. */
export interface ProposedValue {
  indicatorId: string;
  territoryCode: string;
  kind: MeasureKind;
  date: string;
  value: number;
}

/**
 * At most this many values go to validation from one run (the same cap as an import proposed for
 * validation, libs/workflow `MAX_PROPOSED_VALUES`): proposals are reviewed one by one.
 */
export const MAX_PROPOSED_VALUES = 10_000;

/** The values of a spooled run, as the import maps them (the run has checked them already: no issue is expected here). */
export async function readSpooledValues(manager: EntityManager, file: string, mapping: ColumnMapping): Promise<ProposedValue[]> {
  const table = await readTable(file);
  const mapRow = createRowMapper(mapping, table.info.header, await loadReferentialIndex(manager), new IssueCollector());
  if ('missing' in mapRow) return [];
  const values: ProposedValue[] = [];
  for await (const row of table.rows) {
    for (const { indicatorId, territoryCode, kind, date, value } of mapRow(row)) values.push({ indicatorId, territoryCode, kind, date, value });
  }
  return values;
}
