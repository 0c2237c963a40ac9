import type { EntityManager } from 'typeorm';
import { emptySeries, type SeriesKind, type TerritorySeries } from './computation.types';

/**
 * Reads the series of one indicator for several territories: entered values from `measure`
 * (latest published row per date wins: measures are append-only) and aggregated ones from
 * `derived_measure`. Kinds VC and VC_INTERMEDIATE are both targets.
 */
export async function readSeries(manager: EntityManager, indicatorId: string, territoryCodes: string[]): Promise<Map<string, TerritorySeries>> {
  const result = new Map<string, TerritorySeries>();
  if (territoryCodes.length === 0) return result;
  const rows = (await manager.query(
    `SELECT territory_code, kind, to_char(date, 'YYYY-MM-DD') AS date, value, provenance FROM (
       SELECT DISTINCT ON (territory_code, kind, date) territory_code,
              CASE WHEN kind = 'VC_INTERMEDIATE' THEN 'VC' ELSE kind END AS kind, date, value, provenance
       FROM measure
       WHERE indicator_id = $1 AND territory_code = ANY($2::text[]) AND state = 'published'
       ORDER BY territory_code, kind, date, id DESC
     ) entered
     UNION ALL
     SELECT territory_code, kind, to_char(date, 'YYYY-MM-DD'), value, 'aggregate'
     FROM derived_measure WHERE indicator_id = $1 AND territory_code = ANY($2::text[])
     ORDER BY 1, 2, 3`,
    [indicatorId, territoryCodes],
  )) as { territory_code: string; kind: SeriesKind; date: string; value: number; provenance: string }[];
  for (const row of rows) {
    let series = result.get(row.territory_code);
    if (!series) result.set(row.territory_code, (series = emptySeries()));
    series[row.kind].push({ date: row.date, value: Number(row.value), provenance: row.provenance });
  }
  return result;
}
