// Issue 16, item 4: what partitioning `measure` by time or by indicator changes, measured on a
// generated table of the same shape and indexes (ADR 035). Run once by hand:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node tools/bench/support/measure-partitioning.cjs [indicators]
// It creates and drops its own database (pilote_partitioning_probe).
const { Client } = require('pg');

const INDICATORS = Number(process.argv[2] ?? 500);
const TERRITORIES = 101; // départements
const MONTHS = 48; // four years, monthly
const PROBE = 'pilote_partitioning_probe';

const COLUMNS = `id bigserial, indicator_id text NOT NULL, territory_code text NOT NULL, date date NOT NULL,
  kind text NOT NULL, value double precision NOT NULL, provenance text NOT NULL, state text NOT NULL DEFAULT 'published',
  batch_id text, author_id text, created_at timestamptz NOT NULL DEFAULT now()`;

const VARIANTS = {
  plain: [`CREATE TABLE measure (${COLUMNS}, PRIMARY KEY (id))`],
  'by year (range on date)': [
    `CREATE TABLE measure (${COLUMNS}, PRIMARY KEY (id, date)) PARTITION BY RANGE (date)`,
    ...[2021, 2022, 2023, 2024, 2025].map((y) => `CREATE TABLE measure_${y} PARTITION OF measure FOR VALUES FROM ('${y}-01-01') TO ('${y + 1}-01-01')`),
    `CREATE TABLE measure_other PARTITION OF measure DEFAULT`,
  ],
  'by indicator (hash, 16)': [
    `CREATE TABLE measure (${COLUMNS}, PRIMARY KEY (id, indicator_id)) PARTITION BY HASH (indicator_id)`,
    ...Array.from({ length: 16 }, (_, i) => `CREATE TABLE measure_h${i} PARTITION OF measure FOR VALUES WITH (MODULUS 16, REMAINDER ${i})`),
  ],
};

// The rows: every indicator × département × month (VA), plus one VI and one VC per series.
const FILL = `INSERT INTO measure (indicator_id, territory_code, date, kind, value, provenance)
  SELECT 'IND-' || i, 'D' || lpad(t::text, 3, '0'), (date '2021-01-01' + make_interval(months => m))::date, 'VA', random() * 100, 'import'
  FROM generate_series(1, $1::int) i, generate_series(1, ${TERRITORIES}) t, generate_series(0, ${MONTHS - 1}) m
  UNION ALL
  SELECT 'IND-' || i, 'D' || lpad(t::text, 3, '0'), date '2021-01-01', k, random() * 100, 'import'
  FROM generate_series(1, $1::int) i, generate_series(1, ${TERRITORIES}) t, unnest(ARRAY['VI', 'VC']) k`;

// What the computation reads after a write (series-reader.ts): one indicator, every département.
const SERIES = `SELECT DISTINCT ON (territory_code, kind, date) territory_code, kind, date, value, provenance
  FROM measure WHERE indicator_id = $1 AND territory_code = ANY($2::text[]) AND state = 'published'
  ORDER BY territory_code, kind, date, id DESC`;
// What an import compares its staged rows with (staging-table.ts): the latest rows of the imported indicators.
const IMPORT_COMPARE = `SELECT count(*) FROM (SELECT DISTINCT ON (indicator_id, territory_code, kind, date) value
  FROM measure m WHERE m.state = 'published' AND m.indicator_id = ANY($1::text[])
  ORDER BY indicator_id, territory_code, kind, date, id DESC) latest`;
// One month of a national import: every indicator × département.
const IMPORT_INSERT = `INSERT INTO measure (indicator_id, territory_code, date, kind, value, provenance, batch_id)
  SELECT 'IND-' || i, 'D' || lpad(t::text, 3, '0'), date '2025-01-01', 'VA', random() * 100, 'import', 'probe'
  FROM generate_series(1, $1::int) i, generate_series(1, ${TERRITORIES}) t`;

async function timed(client, sql, params, runs) {
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    await client.query(sql, typeof params === 'function' ? params(i) : params);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] };
}

async function main() {
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new Client({ connectionString: server });
  await admin.connect();
  const territories = Array.from({ length: TERRITORIES }, (_, t) => `D${String(t + 1).padStart(3, '0')}`);
  const results = [];
  for (const [name, ddl] of Object.entries(VARIANTS)) {
    await admin.query(`DROP DATABASE IF EXISTS ${PROBE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PROBE}`);
    const url = new URL(server);
    url.pathname = `/${PROBE}`;
    const db = new Client({ connectionString: url.toString() });
    await db.connect();
    try {
      for (const statement of ddl) await db.query(statement);
      let started = Date.now();
      await db.query(FILL, [INDICATORS]);
      await db.query(`CREATE INDEX measure_series_idx ON measure(indicator_id, territory_code, kind, date)`);
      await db.query(`CREATE INDEX measure_batch_idx ON measure(batch_id) WHERE batch_id IS NOT NULL`);
      await db.query('VACUUM ANALYZE measure');
      const fillSeconds = (Date.now() - started) / 1000;
      const [{ rows, bytes }] = (await db.query(`SELECT (SELECT count(*) FROM measure)::int AS rows, pg_total_relation_size('measure')::bigint + coalesce((SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'measure'::regclass), 0)::bigint AS bytes`)).rows;
      const series = await timed(db, SERIES, (i) => [`IND-${(i * 37) % INDICATORS + 1}`, territories], 200);
      const compare = await timed(db, IMPORT_COMPARE, (i) => [Array.from({ length: 20 }, (_, k) => `IND-${((i * 20 + k) % INDICATORS) + 1}`)], 20);
      started = Date.now();
      const insert = await timed(db, IMPORT_INSERT, [INDICATORS], 3);
      results.push({ name, rows, mb: Math.round(Number(bytes) / 1e6), fillSeconds, series, compare, insert, insertRows: INDICATORS * TERRITORIES });
      console.log(JSON.stringify(results.at(-1)));
    } finally {
      await db.end();
    }
  }
  await admin.query(`DROP DATABASE IF EXISTS ${PROBE} WITH (FORCE)`);
  await admin.end();
  console.log('\n| layout | rows | size | series read (1 indicator × 101 territories) median / p95 | import compare (20 indicators) median | import insert (' + INDICATORS * TERRITORIES + ' rows) median |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results) console.log(`| ${r.name} | ${r.rows.toLocaleString('en')} | ${r.mb} MB | ${r.series.median.toFixed(2)} / ${r.series.p95.toFixed(2)} ms | ${r.compare.median.toFixed(0)} ms | ${r.insert.median.toFixed(0)} ms |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
