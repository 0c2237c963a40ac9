import type { EntityManager } from 'typeorm';
import type { EffectPreview, RateChange } from './import-report.types';

export const PREVIEW_LIST_LIMIT = 500;

/**
 * Keeps the rates of the indicators and policies the staged values belong to, before anything
 * is written (temporary tables of the same transaction, gone at its end).
 */
export async function snapshotRatesBefore(manager: EntityManager): Promise<void> {
  await manager.query(`CREATE TEMP TABLE import_indicators ON COMMIT DROP AS SELECT DISTINCT indicator_id FROM import_staging`);
  await manager.query(`
    CREATE TEMP TABLE import_before_indicator ON COMMIT DROP AS
    SELECT st.indicator_id, st.territory_code, st.annual_rate, st.global_rate
    FROM indicator_state st JOIN import_indicators i USING (indicator_id)`);
  await manager.query(`
    CREATE TEMP TABLE import_before_policy ON COMMIT DROP AS
    SELECT ps.policy_id, ps.territory_code, ps.annual_rate, ps.global_rate
    FROM policy_state ps WHERE ps.policy_id IN (SELECT ind.policy_id FROM indicator ind JOIN import_indicators i ON i.indicator_id = ind.id)`);
}

interface ChangeRow {
  id: string;
  name: string;
  territory_code: string;
  territory_name: string;
  level: string;
  existed: boolean;
  before_annual: number | null;
  before_global: number | null;
  annual_rate: number | null;
  global_rate: number | null;
  changed: boolean;
}

/**
 * Reads what the refresh recomputed: the states whose `computed_at` is this transaction's
 * `now()` are exactly those the real computation touched, ancestors and perimeters included.
 */
export async function readRateChanges(manager: EntityManager, levelOrder: string[]): Promise<EffectPreview> {
  const indicators = await readChanges(manager, levelOrder, {
    state: 'indicator_state', key: 'indicator_id', before: 'import_before_indicator', owner: 'indicator',
    scope: 'a.indicator_id IN (SELECT indicator_id FROM import_indicators)',
  });
  const policies = await readChanges(manager, levelOrder, {
    state: 'policy_state', key: 'policy_id', before: 'import_before_policy', owner: 'policy',
    scope: 'a.policy_id IN (SELECT ind.policy_id FROM indicator ind JOIN import_indicators i ON i.indicator_id = ind.id)',
  });
  return { indicators, policies, listLimit: PREVIEW_LIST_LIMIT };
}

async function readChanges(
  manager: EntityManager,
  levelOrder: string[],
  spec: { state: string; key: string; before: string; owner: string; scope: string },
): Promise<EffectPreview['indicators']> {
  const changed = `(b.${spec.key} IS NULL OR a.annual_rate IS DISTINCT FROM b.annual_rate OR a.global_rate IS DISTINCT FROM b.global_rate)`;
  const from = `FROM ${spec.state} a LEFT JOIN ${spec.before} b ON b.${spec.key} = a.${spec.key} AND b.territory_code = a.territory_code
    WHERE a.computed_at = now() AND ${spec.scope}`;
  const [counts] = (await manager.query(`SELECT count(*)::int AS touched, count(*) FILTER (WHERE ${changed})::int AS changed ${from}`)) as { touched: number; changed: number }[];
  const rows = (await manager.query(
    `SELECT a.${spec.key} AS id, o.name, a.territory_code, t.name AS territory_name, t.level,
            b.${spec.key} IS NOT NULL AS existed, b.annual_rate AS before_annual, b.global_rate AS before_global,
            a.annual_rate, a.global_rate, ${changed} AS changed
     ${from.replace('WHERE', `JOIN ${spec.owner} o ON o.id = a.${spec.key} JOIN territory t ON t.code = a.territory_code WHERE`)}
     ORDER BY ${changed} DESC, a.${spec.key}, array_position($1::text[], t.level), a.territory_code
     LIMIT ${PREVIEW_LIST_LIMIT}`,
    [levelOrder],
  )) as ChangeRow[];
  return { touched: counts.touched, changed: counts.changed, rows: rows.map(toChange) };
}

function toChange(row: ChangeRow): RateChange {
  const num = (value: number | null) => (value === null ? null : Number(value));
  return {
    id: row.id,
    name: row.name,
    territoryCode: row.territory_code,
    territoryName: row.territory_name,
    level: row.level,
    before: row.existed ? { annual: num(row.before_annual), global: num(row.before_global) } : null,
    after: { annual: num(row.annual_rate), global: num(row.global_rate) },
    changed: row.changed,
  };
}
