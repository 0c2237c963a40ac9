import type { DataSource } from 'typeorm';
import { recomputeIndicators } from '../computation/recompute-indicators';
import type { RefreshOptions } from '../computation/refresh-rates';

/** Every stored result of the computation, keyed by its primary key (numbers rounded as the engine's tests do). */
const RESULTS = {
  derived_measure: `SELECT indicator_id || '|' || territory_code || '|' || kind || '|' || date AS key,
    concat_ws('|', round(value::numeric, 6), child_count, expected_children) AS v FROM derived_measure`,
  indicator_state: `SELECT indicator_id || '|' || territory_code AS key,
    concat_ws('|', round(current_value::numeric, 6), current_value_date, round(annual_rate::numeric, 9), round(global_rate::numeric, 9), round(previous_global_rate::numeric, 9)) AS v FROM indicator_state`,
  policy_state: `SELECT policy_id || '|' || territory_code AS key,
    concat_ws('|', round(annual_rate::numeric, 9), round(global_rate::numeric, 9), round(previous_global_rate::numeric, 9), rate_date) AS v FROM policy_state`,
  policy_peer_stats: `SELECT policy_id || '|' || level AS key,
    concat_ws('|', round(global_min::numeric, 9), round(global_median::numeric, 9), round(global_max::numeric, 9), global_count) AS v FROM policy_peer_stats`,
} as const;

export type ResultTable = keyof typeof RESULTS;

export interface RecomputationComparison {
  /** Rows compared per table (stored or recomputed). */
  compared: Record<ResultTable, number>;
  /** Rows missing, extra or different per table, with a few examples. */
  differences: Record<ResultTable, number>;
  examples: string[];
}

class Rollback extends Error {}

/**
 * Compares every stored aggregate, indicator state, policy rate and peers' statistic with a full
 * recomputation from the stored published values (every derived row and state dropped first),
 * in a transaction that is rolled back: the database is left as it was.
 */
export async function compareWithRecomputation(dataSource: DataSource, options: RefreshOptions): Promise<RecomputationComparison> {
  const read = async (query: (sql: string) => Promise<unknown>) => {
    const result = {} as Record<ResultTable, Map<string, string>>;
    for (const [table, sql] of Object.entries(RESULTS) as [ResultTable, string][]) {
      result[table] = new Map(((await query(sql)) as { key: string; v: string }[]).map((row) => [row.key, row.v]));
    }
    return result;
  };
  const stored = await read((sql) => dataSource.query(sql));
  let recomputed: Record<ResultTable, Map<string, string>> | undefined;
  await dataSource
    .transaction(async (manager) => {
      for (const table of Object.keys(RESULTS)) await manager.query(`DELETE FROM ${table}`);
      const indicators = (await manager.query(`SELECT DISTINCT indicator_id FROM measure WHERE state = 'published'`)) as { indicator_id: string }[];
      await recomputeIndicators(manager, indicators.map((row) => row.indicator_id), options);
      recomputed = await read((sql) => manager.query(sql));
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  const comparison: RecomputationComparison = { compared: {} as Record<ResultTable, number>, differences: {} as Record<ResultTable, number>, examples: [] };
  for (const table of Object.keys(RESULTS) as ResultTable[]) {
    const a = stored[table];
    const b = recomputed![table];
    const keys = new Set([...a.keys(), ...b.keys()]);
    let differences = 0;
    for (const key of keys) {
      if (a.get(key) === b.get(key)) continue;
      differences += 1;
      if (comparison.examples.length < 10) comparison.examples.push(`${table} ${key}: stored ${a.get(key) ?? '(none)'}, recomputed ${b.get(key) ?? '(none)'}`);
    }
    comparison.compared[table] = keys.size;
    comparison.differences[table] = differences;
  }
  return comparison;
}
