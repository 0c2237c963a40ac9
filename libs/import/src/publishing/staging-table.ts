import { type BulkColumn, openRowWriter, type RowWriter } from '@pilote/core';
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

const stagingColumns: BulkColumn<StagedMeasure>[] = [
  { name: 'line', type: 'int', value: (m) => m.line },
  { name: 'indicator_id', type: 'text', value: (m) => m.indicatorId },
  { name: 'territory_code', type: 'text', value: (m) => m.territoryCode },
  { name: 'date', type: 'date', value: (m) => m.date },
  { name: 'kind', type: 'text', value: (m) => m.kind },
  { name: 'value', type: 'float8', value: (m) => m.value },
];

/**
 * Streams checked values into the staging table: one `COPY … FROM STDIN` on PostgreSQL (the
 * server ingests a chunk while the next is read and checked), chunked inserts on PGlite.
 */
export function openStagingWriter(manager: EntityManager): Promise<RowWriter<StagedMeasure>> {
  return openRowWriter(manager, 'import_staging', stagingColumns);
}

/** The same indicator, territory, date and kind twice in the file: which value is meant? */
export async function reportDuplicates(manager: EntityManager, issues: IssueCollector): Promise<void> {
  // Grouping (a hash aggregate) rather than a window over every staged row: only the groups
  // holding more than one line are expanded.
  const rows = (await manager.query(`
    SELECT d.line, g.first_line, g.indicator_id, g.territory_code, to_char(g.date, 'YYYY-MM-DD') AS date, g.kind
    FROM (
      SELECT indicator_id, territory_code, date, kind, min(line) AS first_line, array_agg(line) AS lines
      FROM import_staging GROUP BY indicator_id, territory_code, date, kind HAVING count(*) > 1) g
    CROSS JOIN LATERAL unnest(g.lines) AS d(line)
    WHERE d.line <> g.first_line ORDER BY d.line`)) as { line: number; first_line: number; indicator_id: string; territory_code: string; date: string; kind: string }[];
  for (const row of rows) {
    issues.error('duplicate', row.line, {
      value: `${row.indicator_id} / ${row.territory_code} / ${row.date} / ${row.kind}`,
      params: { firstLine: row.first_line, indicator: row.indicator_id, territory: row.territory_code, date: row.date, kind: row.kind },
    });
  }
}

/**
 * Appends the staged values that are not already the latest published value of their series
 * point (per-row idempotence), tagged with the batch; says how many were written, and where. The latest
 * values are computed once for the staged indicators and anti-joined (a hash join), rather than
 * probed row by row: a million probes cost more than one pass over the existing series.
 * Rows go in series order (indicator, territory, kind, date): the index grows at a few places
 * instead of everywhere, and each series ends up on few pages for the rates refresh that reads
 * it next. Within one series point (VC and VC_INTERMEDIATE share it) the file's order is kept,
 * so the later line stays the latest row, as before.
 */
export async function appendNewMeasures(manager: EntityManager, batchId: string, authorId: string | null, provenance = 'import'): Promise<AppendResult> {
  await manager.query(`ANALYZE import_staging`);
  // RETURNING feeds the count and the series written (what the refresh needs) in the same pass,
  // rather than reading the million new rows back through the batch index.
  // `older`: a value dated before the series' latest one completes its history; the report does
  // not call it new (the rates read the latest value), and the preview says what it changes.
  const written = (await manager.query(
    `WITH published AS (
       SELECT m.id, m.indicator_id, m.territory_code, m.kind, m.date, m.value
       FROM measure m
       WHERE m.state = 'published' AND m.indicator_id IN (SELECT DISTINCT indicator_id FROM import_staging)
     ),
     chosen AS (
       SELECT s.indicator_id, s.territory_code, s.date, s.kind, s.value, s.line, s.date < newest.date AS older
       FROM import_staging s
       LEFT JOIN (
         SELECT DISTINCT ON (indicator_id, territory_code, kind, date) indicator_id, territory_code, kind, date, value
         FROM published ORDER BY indicator_id, territory_code, kind, date, id DESC
       ) latest ON latest.indicator_id = s.indicator_id AND latest.territory_code = s.territory_code AND latest.kind = s.kind AND latest.date = s.date
       LEFT JOIN (
         SELECT indicator_id, territory_code, kind, max(date) AS date FROM published GROUP BY indicator_id, territory_code, kind
       ) newest ON newest.indicator_id = s.indicator_id AND newest.territory_code = s.territory_code AND newest.kind = s.kind
       WHERE latest.value IS DISTINCT FROM s.value
     ),
     appended AS (
       INSERT INTO measure (indicator_id, territory_code, date, kind, value, provenance, state, batch_id, author_id)
       SELECT c.indicator_id, c.territory_code, c.date, c.kind, c.value, $3, 'published', $1, $2
       FROM chosen c
       ORDER BY c.indicator_id, c.territory_code, CASE WHEN c.kind = 'VC_INTERMEDIATE' THEN 'VC' ELSE c.kind END, c.date, c.line
       RETURNING indicator_id, territory_code)
     SELECT indicator_id AS "indicatorId", territory_code AS "territoryCode", count(*)::int AS count,
            (SELECT count(*)::int FROM chosen WHERE older) AS older
     FROM appended GROUP BY indicator_id, territory_code`,
    [batchId, authorId, provenance],
  )) as { indicatorId: string; territoryCode: string; count: number; older: number }[];
  return {
    written: written.reduce((sum, series) => sum + series.count, 0),
    older: written[0]?.older ?? 0,
    series: written.map(({ indicatorId, territoryCode }) => ({ indicatorId, territoryCode })),
  };
}

export interface AppendResult {
  /** Values appended to `measure`. */
  written: number;
  /** Of those, values dated before their series' latest published value (history, not news). */
  older: number;
  /** The indicator × territory pairs that received them (what the rates refresh starts from). */
  series: { indicatorId: string; territoryCode: string }[];
}
