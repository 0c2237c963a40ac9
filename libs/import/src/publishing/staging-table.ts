import { bulkInsert } from '@pilote/core';
import type { EntityManager } from 'typeorm';
import type { StagedMeasure } from '../mapping/row-mapper';
import type { IssueCollector } from '../report/import-issue';

export const STAGING_CHUNK = 10_000;

/**
 * Valid values wait in a temporary table of the import's transaction, so a file of any size is
 * held by PostgreSQL, not by Node: duplicates and "already there" are then found in SQL.
 * ON COMMIT DROP: it disappears with the transaction, committed or rolled back.
 */
export async function createStagingTable(manager: EntityManager): Promise<void> {
  await manager.query(`
    CREATE TEMP TABLE import_staging (
      line integer NOT NULL,
      indicator_id text NOT NULL,
      territory_code text NOT NULL,
      date date NOT NULL,
      kind text NOT NULL,
      value double precision NOT NULL
    ) ON COMMIT DROP`);
}

export async function stageMeasures(manager: EntityManager, measures: readonly StagedMeasure[]): Promise<void> {
  await bulkInsert(
    manager,
    'import_staging',
    [
      { name: 'line', type: 'int', value: (m) => m.line },
      { name: 'indicator_id', type: 'text', value: (m) => m.indicatorId },
      { name: 'territory_code', type: 'text', value: (m) => m.territoryCode },
      { name: 'date', type: 'date', value: (m) => m.date },
      { name: 'kind', type: 'text', value: (m) => m.kind },
      { name: 'value', type: 'float8', value: (m) => m.value },
    ],
    measures,
    { chunkSize: STAGING_CHUNK },
  );
}

/** The same indicator, territory, date and kind twice in the file: which value is meant? */
export async function reportDuplicates(manager: EntityManager, issues: IssueCollector): Promise<void> {
  const rows = (await manager.query(`
    SELECT line, first_line, indicator_id, territory_code, to_char(date, 'YYYY-MM-DD') AS date, kind FROM (
      SELECT line, indicator_id, territory_code, date, kind,
             min(line) OVER (PARTITION BY indicator_id, territory_code, date, kind) AS first_line
      FROM import_staging) d
    WHERE line <> first_line ORDER BY line`)) as { line: number; first_line: number; indicator_id: string; territory_code: string; date: string; kind: string }[];
  for (const row of rows) {
    issues.error('duplicate', row.line, {
      value: `${row.indicator_id} / ${row.territory_code} / ${row.date} / ${row.kind}`,
      params: { firstLine: row.first_line, indicator: row.indicator_id, territory: row.territory_code, date: row.date, kind: row.kind },
    });
  }
}

/**
 * Appends the staged values that are not already the latest published value of their series
 * point (per-row idempotence), tagged with the batch. Returns how many were written. The latest
 * values are computed once for the staged indicators and anti-joined (a hash join), rather than
 * probed row by row: a million probes cost more than one pass over the existing series.
 */
export async function appendNewMeasures(manager: EntityManager, batchId: string, authorId: string | null): Promise<number> {
  await manager.query(`ANALYZE import_staging`);
  await manager.query(
    `INSERT INTO measure (indicator_id, territory_code, date, kind, value, provenance, state, batch_id, author_id)
     SELECT s.indicator_id, s.territory_code, s.date, s.kind, s.value, 'import', 'published', $1, $2
     FROM import_staging s
     LEFT JOIN (
       SELECT DISTINCT ON (m.indicator_id, m.territory_code, m.kind, m.date) m.indicator_id, m.territory_code, m.kind, m.date, m.value
       FROM measure m
       WHERE m.state = 'published' AND m.indicator_id IN (SELECT DISTINCT indicator_id FROM import_staging)
       ORDER BY m.indicator_id, m.territory_code, m.kind, m.date, m.id DESC
     ) latest ON latest.indicator_id = s.indicator_id AND latest.territory_code = s.territory_code AND latest.kind = s.kind AND latest.date = s.date
     WHERE latest.value IS DISTINCT FROM s.value
     ORDER BY s.line`,
    [batchId, authorId],
  );
  const [{ count }] = (await manager.query(`SELECT count(*)::int AS count FROM measure WHERE batch_id = $1`, [batchId])) as { count: number }[];
  return count;
}
