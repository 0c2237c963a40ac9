// The home answer written by hand with `pg`, as a baseline for the GraphQL API's throughput: the
// territory's level and policies, then one statement returning the same fields as the bench's GraphQL query (policies with rates, météo,
// trend, gap to the peers' median, peers' min/median/max, alerts; the gauges' statistics over the
// territories of the same level; weather and alert counts; the map), then the engine's pure rules
// (trend, alerts, "update overdue") applied in JavaScript, as the API does. Like the API for a
// reader who sees every territory, it reads the peers' statistics kept at write time
// (`policy_peer_stats`) instead of aggregating every peer's state on each request.
const http = require('node:http');
const { spawn } = require('node:child_process');
const { Pool } = require('pg');

// $1 territory, $2 its level and $5 the ids of its published policies (read first: the planner's
// estimates depend on the level), $3 the level shown on the map (a finer one, else its own; null
// for none), $4 the map's parent (null for all), $6 the level it is compared with (its own, or for a
// territory alone at its level — France — the level most of its own territories are at, ADR 032).
const HOME_SQL = `
WITH pol AS (SELECT id, name, position FROM policy WHERE id = ANY($5::text[])),
-- "update overdue" grows with the last date: per policy × periodicity × delay, the oldest date decides
fresh AS (
  SELECT policy_id, json_agg(json_build_object('periodicity', periodicity, 'delay', delay, 'last', to_char(last, 'YYYY-MM-DD'))) AS groups
  FROM (SELECT i.policy_id, i.periodicity, i.availability_delay_days AS delay, min(s.current_value_date) AS last
        FROM indicator i JOIN indicator_state s ON s.indicator_id = i.id AND s.territory_code = $1
        WHERE i.status = 'active' AND s.current_value_date IS NOT NULL AND i.policy_id IN (SELECT id FROM pol)
        GROUP BY 1, 2, 3) g
  GROUP BY policy_id
),
rows AS (
  SELECT p.id, p.name, p.position, ps.global_rate, ps.annual_rate, ps.previous_global_rate, to_char(ps.rate_date, 'YYYY-MM-DD') AS rate_date,
         w.weather, to_char(w.date, 'YYYY-MM-DD') AS weather_date, pe.global_min, pe.global_median, pe.global_max, f.groups AS freshness
  FROM pol p
  LEFT JOIN policy_state ps ON ps.policy_id = p.id AND ps.territory_code = $1
  LEFT JOIN policy_peer_stats pe ON pe.policy_id = p.id AND pe.level = $6
  LEFT JOIN fresh f ON f.policy_id = p.id
  LEFT JOIN LATERAL (
    SELECT weather, date FROM narrative n WHERE n.policy_id = p.id AND n.territory_code = $1 AND n.kind = 'weather' AND n.state = 'published'
    ORDER BY n.date DESC, n.id DESC LIMIT 1
  ) w ON true
),
-- per territory of the level (gauges) and of the map, one aggregate each; the ids as a constant are probed through a hash
-- (the gauges' peers: the level it is compared with, under it when that is not its own level)
means AS (
  SELECT x.code, x.level, m.g, m.a, (x.level = $6 AND ($6 = $2 OR x.parent_code = $1)) AS peer,
         (x.level = $3 AND ($4::text IS NULL OR x.parent_code = $4)) AS mapped
  FROM territory x CROSS JOIN LATERAL (
    SELECT avg(ps.global_rate) AS g, avg(ps.annual_rate) AS a FROM policy_state ps WHERE ps.territory_code = x.code AND ps.policy_id = ANY($5::text[])) m
  WHERE x.code = $1 OR (x.level = $6 AND ($6 = $2 OR x.parent_code = $1)) OR (x.level = $3 AND ($4::text IS NULL OR x.parent_code = $4))
)
SELECT json_build_object(
  'globalRate', (SELECT json_build_object('value', (SELECT g FROM means WHERE code = $1), 'min', min(g),
                   'median', percentile_cont(0.5) WITHIN GROUP (ORDER BY g), 'max', max(g))
                 FROM means WHERE peer),
  'annualRate', json_build_object('value', (SELECT a FROM means WHERE code = $1)),
  'map', coalesce((SELECT json_agg(json_build_object('code', code, 'value', g) ORDER BY code) FROM means WHERE mapped), '[]'),
  'policies', coalesce((SELECT json_agg(r ORDER BY r.position, r.id) FROM rows r), '[]')
) AS home`;

/** The same rules as the API's buildPolicyRows / buildHome, on the rows of HOME_SQL. */
function shapeHome(home, asOf, engine) {
  const weather = new Map();
  const alertCounts = new Map();
  const policies = home.policies.map((r) => {
    const trend = engine.trendOf(r.global_rate, r.previous_global_rate);
    const gap = r.global_rate !== null && r.global_median !== null ? r.global_rate - r.global_median : null;
    const overdue = (r.freshness ?? []).some((f) => engine.isOverdue(engine.nextExpectedUpdate({ lastDate: f.last, periodicity: f.periodicity, availabilityDelayDays: f.delay }), asOf));
    const weatherFilled = Boolean(r.weather && r.weather !== 'NOT_FILLED');
    const alerts = engine.computeAlerts({ gapToMedian: gap, trend: trend.direction, rateComputable: r.global_rate !== null, weatherFilled, weather: r.weather, overdue }).map((a) => ({ code: a.code }));
    const level = r.weather ?? 'NOT_FILLED';
    weather.set(level, (weather.get(level) ?? 0) + 1);
    for (const alert of alerts) alertCounts.set(alert.code, (alertCounts.get(alert.code) ?? 0) + 1);
    return {
      policy: { id: r.id, name: r.name },
      globalRate: { value: r.global_rate, date: r.rate_date },
      annualRate: { value: r.annual_rate },
      weather: r.weather ? { level: r.weather, date: r.weather_date } : null,
      trend: { direction: trend.direction, delta: trend.delta },
      gapToMedian: gap,
      peers: { min: r.global_min, median: r.global_median, max: r.global_max },
      alerts,
    };
  });
  return {
    home: {
      globalRate: home.globalRate,
      annualRate: home.annualRate,
      weatherDistribution: [...weather].map(([level, count]) => ({ level, count })),
      alertCounts: [...alertCounts].map(([code, count]) => ({ code, count })),
      map: home.map,
      policies,
    },
  };
}

/** Serves POST / {territoryCode} with the hand-written home query; called in the baseline's own process. */
async function serveHandWritten(databaseUrl, poolSize, { levelOrder, mapLevels, asOf }) {
  const engine = require('@pilote/engine'); // after tools/register-ts.cjs
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize });
  // The map shows the first finer level that has one (all of them below the top level's territory).
  const homeOf = async (territoryCode) => {
    // Alone at its level, a territory is compared with the level most of its own territories are at (perimeters' members aside).
    const { rows: [territory] } = await pool.query(
      `SELECT level, (SELECT coalesce(array_agg(id), '{}') FROM policy WHERE status = 'published' AND t.level = ANY(levels)) AS ids,
              CASE WHEN (SELECT count(*) FROM territory o WHERE o.level = t.level) > 1 THEN t.level
                   ELSE coalesce((SELECT c.level FROM territory c WHERE c.parent_code = t.code
                                    AND c.code NOT IN (SELECT perimeter_code FROM territory_membership)
                                  GROUP BY c.level ORDER BY count(*) DESC, c.level LIMIT 1), t.level) END AS compared
       FROM territory t WHERE code = $1`,
      [territoryCode],
    );
    const rank = levelOrder.indexOf(territory.level);
    const finer = levelOrder.slice(rank + 1).find((level) => mapLevels.includes(level)) ?? null;
    const mapLevel = finer ?? (mapLevels.includes(territory.level) ? territory.level : null);
    const result = await pool.query(HOME_SQL, [territoryCode, territory.level, mapLevel, finer && rank > 0 ? territoryCode : null, territory.ids, territory.compared]);
    return result.rows[0].home;
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const { territoryCode = 'FRANCE' } = JSON.parse(body || '{}');
      homeOf(territoryCode)
        .then((home) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data: shapeHome(home, asOf, engine) }));
        })
        .catch((error) => {
          res.writeHead(500);
          res.end(String(error.message));
        });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/**
 * Starts the baseline in a process of its own, like the API: sharing the bench's event loop with
 * autocannon's connections would slow it, and flatter the API (issue 17).
 */
async function startHandWrittenServer(databaseUrl, poolSize, options) {
  const child = spawn(process.execPath, [__filename, 'serve', JSON.stringify({ databaseUrl, poolSize, options })], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('listening '));
      if (line) resolve(line.slice('listening '.length).trim());
    });
    child.once('exit', (code) => reject(new Error(`the hand-written baseline exited (${code}) before listening`)));
  });
  return {
    url,
    pid: child.pid,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

if (require.main === module && process.argv[2] === 'serve') {
  require('../../register-ts.cjs');
  const { databaseUrl, poolSize, options } = JSON.parse(process.argv[3]);
  serveHandWritten(databaseUrl, poolSize, options).then((server) => {
    process.stdout.write(`listening http://127.0.0.1:${server.address().port}/\n`);
    process.once('SIGTERM', () => {
      server.close(() => process.exit(0));
      setTimeout(() => process.exit(0), 2000).unref(); // idle keep-alive sockets must not hold it
    });
  });
}

module.exports = { startHandWrittenServer, HOME_SQL };
