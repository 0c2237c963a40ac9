import type { EntityManager } from 'typeorm';
import { refreshAfterWrite, type RefreshOptions } from '../computation/refresh-rates';
import { type BulkColumn, bulkInsert } from '../sql/bulk-insert';
import type { MeasureProvenance, NewMeasure } from './measure.types';

export interface WriteOptions extends RefreshOptions {
  provenance: MeasureProvenance;
  batchId?: string;
  authorId?: string;
  state?: 'published' | 'submitted' | 'draft';
}

/** The columns of an appended measure; what is not given (state, batch, author) takes its default. */
export function measureColumns(options: { provenance: MeasureProvenance; state?: string; batchId?: string; authorId?: string }): BulkColumn<NewMeasure>[] {
  return [
    { name: 'indicator_id', type: 'text', value: (m) => m.indicatorId },
    { name: 'territory_code', type: 'text', value: (m) => m.territoryCode },
    { name: 'date', type: 'date', value: (m) => m.date },
    { name: 'kind', type: 'text', value: (m) => m.kind },
    { name: 'value', type: 'float8', value: (m) => m.value },
    { name: 'provenance', type: 'text', value: () => options.provenance },
    { name: 'state', type: 'text', value: () => options.state ?? 'published' },
    { name: 'batch_id', type: 'text', value: () => options.batchId ?? null },
    { name: 'author_id', type: 'text', value: () => options.authorId ?? null },
  ];
}

/** Appends measures without computing anything (a first-start seed computes everything afterwards). */
export function appendMeasures(manager: EntityManager, measures: readonly NewMeasure[], options: Parameters<typeof measureColumns>[0]): Promise<number> {
  return bulkInsert(manager, 'measure', measureColumns(options), measures);
}

/**
 * Appends measures and, for published ones, refreshes every dependent rate in the same
 * transaction. Call it inside `dataSource.transaction(...)`.
 */
export async function writeMeasures(manager: EntityManager, measures: readonly NewMeasure[], options: WriteOptions): Promise<{ written: number }> {
  const state = options.state ?? 'published';
  await appendMeasures(manager, measures, { ...options, state });
  if (state === 'published') {
    const unique = new Map(measures.map((m) => [`${m.indicatorId}|${m.territoryCode}`, { indicatorId: m.indicatorId, territoryCode: m.territoryCode }]));
    await refreshAfterWrite(manager, [...unique.values()], options);
  }
  return { written: measures.length };
}
