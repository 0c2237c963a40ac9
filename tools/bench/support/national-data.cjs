// Generates national-scale data with SQL (fast on the server side): policies, indicators,
// monthly values for every département, yearly values for every commune of a few indicators.
// Rates are then computed by the kit's own incremental path (refreshAfterWrite).

const DEPT_SETTINGS = (aggregation) =>
  JSON.stringify({
    NAT: { weight: 1, VI: 'aggregated', VA: 'aggregated', VC: 'aggregated', aggregation },
    REG: { weight: 1, VI: 'aggregated', VA: 'aggregated', VC: 'aggregated', aggregation },
    DEPT: { weight: 1, VI: 'entered', VA: 'entered', VC: 'entered', aggregation },
  });

const COMMUNE_SETTINGS = JSON.stringify({
  NAT: { weight: 1, VI: 'aggregated', VA: 'aggregated', VC: 'aggregated', aggregation: 'sum' },
  REG: { weight: 1, VI: 'aggregated', VA: 'aggregated', VC: 'aggregated', aggregation: 'sum' },
  DEPT: { weight: 1, VI: 'aggregated', VA: 'aggregated', VC: 'aggregated', aggregation: 'sum' },
  EPCI: { weight: 1, VI: 'aggregated', VA: 'aggregated', VC: 'aggregated', aggregation: 'sum' },
  COM: { weight: 1, VI: 'entered', VA: 'entered', VC: 'entered', aggregation: 'sum' },
});

/** Inserts the referential and the facts; returns the number of facts. */
async function generateNationalData(db, { policies, indicatorsPerPolicy, months, communeIndicators, log }) {
  const indicators = policies * indicatorsPerPolicy;
  await db.query(`INSERT INTO policy (id, code, name, kind, status, levels, position, owners)
    SELECT 'BP-' || lpad(g::text, 3, '0'), 'BP-' || lpad(g::text, 3, '0'), 'Politique ' || g, 'priority-reform', 'published',
           '{NAT,REG,DEPT,EPCI,COM}', g, '[]' FROM generate_series(1, $1) g`, [policies]);
  await db.query(`INSERT INTO indicator (id, policy_id, name, type, unit, direction, periodicity, level_settings, position)
    SELECT 'BI-' || lpad(g::text, 5, '0'), 'BP-' || lpad(((g - 1) / $2 + 1)::text, 3, '0'), 'Indicateur ' || g, 'impact', 'nombre',
           CASE WHEN g % 5 = 0 THEN 'falling' ELSE 'rising' END, 'monthly',
           (CASE WHEN g % 3 = 0 THEN $3 ELSE $4 END)::jsonb, g
    FROM generate_series(1, $1) g`, [indicators, indicatorsPerPolicy, DEPT_SETTINGS('mean'), DEPT_SETTINGS('sum')]);
  log(`referential: ${policies} policies, ${indicators} indicators`);
  // Base value per indicator × département from a hash: deterministic, no random().
  const base = `(50 + abs(hashtext(i.id || t.code)) % 500)::float8`;
  const sign = `CASE WHEN i.direction = 'falling' THEN -1 ELSE 1 END`;
  const started = Date.now();
  await db.query(`INSERT INTO measure (indicator_id, territory_code, date, kind, value, provenance)
    SELECT i.id, t.code, '2021-12-31'::date, 'VI', ${base}, 'import'
    FROM indicator i CROSS JOIN territory t WHERE t.level = 'DEPT' AND i.id LIKE 'BI-%'`);
  await db.query(`INSERT INTO measure (indicator_id, territory_code, date, kind, value, provenance)
    SELECT i.id, t.code, d::date, 'VC', ${base} * (1 + ${sign} * 0.5 * (CASE WHEN d < '2026-01-01' THEN 0.5 ELSE 1 END)), 'import'
    FROM indicator i CROSS JOIN territory t CROSS JOIN unnest(ARRAY['2024-12-31'::date, '2026-12-31'::date]) d
    WHERE t.level = 'DEPT' AND i.id LIKE 'BI-%'`);
  await db.query(`INSERT INTO measure (indicator_id, territory_code, date, kind, value, provenance)
    SELECT i.id, t.code, (m + interval '1 month - 1 day')::date, 'VA',
           ${base} * (1 + ${sign} * 0.5 * (n::float8 / $1) * (0.6 + (abs(hashtext(t.code || i.id || 'speed')) % 80) / 100.0)), 'import'
    FROM indicator i CROSS JOIN territory t
    CROSS JOIN LATERAL (SELECT m, row_number() OVER () AS n FROM generate_series('2022-01-01'::date, '2022-01-01'::date + ($1 - 1) * interval '1 month', interval '1 month') m) months
    WHERE t.level = 'DEPT' AND i.id LIKE 'BI-%'`, [months]);
  log(`département facts in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (communeIndicators > 0) {
    await db.query(`INSERT INTO policy (id, code, name, kind, status, levels, position, owners)
      VALUES ('BP-COM', 'BP-COM', 'Politique communale', 'other', 'published', '{NAT,REG,DEPT,EPCI,COM}', 0, '[]')`);
    await db.query(`INSERT INTO indicator (id, policy_id, name, type, unit, direction, periodicity, level_settings)
      SELECT 'BC-' || g, 'BP-COM', 'Indicateur communal ' || g, 'deployment', 'nombre', 'rising', 'yearly', $2::jsonb FROM generate_series(1, $1) g`,
      [communeIndicators, COMMUNE_SETTINGS]);
    await db.query(`INSERT INTO measure (indicator_id, territory_code, date, kind, value, provenance)
      SELECT i.id, t.code, d::date, CASE WHEN d = '2021-12-31' THEN 'VI' WHEN d = '2026-12-31' THEN 'VC' ELSE 'VA' END,
             (1 + abs(hashtext(i.id || t.code)) % 20) * (1 + extract(year FROM d) - 2021), 'import'
      FROM indicator i CROSS JOIN territory t
      CROSS JOIN unnest(ARRAY['2021-12-31', '2022-12-31', '2023-12-31', '2024-12-31', '2025-12-31', '2026-12-31']::date[]) d
      WHERE t.level = 'COM' AND i.id LIKE 'BC-%'`);
    log(`commune facts for ${communeIndicators} indicators`);
  }
  await db.query('ANALYZE');
  const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM measure`);
  return count;
}

module.exports = { generateNationalData };
