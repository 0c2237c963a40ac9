// The home answer written by hand with `pg`, as a baseline for the GraphQL API's throughput:
// one statement returning the same fields (policies with rates, météo, peers' min/median/max,
// the map of child territories' mean rates).
const http = require('node:http');
const { Pool } = require('pg');

const HOME_SQL = `
WITH t AS (SELECT code, level, name FROM territory WHERE code = $1),
rows AS (
  SELECT p.id, p.code, p.name, p.kind, p.position, ps.global_rate, ps.annual_rate, ps.previous_global_rate, ps.rate_date,
         (SELECT json_build_object('level', n.weather, 'date', n.date) FROM narrative n
          WHERE n.policy_id = p.id AND n.territory_code = $1 AND n.kind = 'weather' ORDER BY n.date DESC, n.id DESC LIMIT 1) AS weather
  FROM policy p LEFT JOIN policy_state ps ON ps.policy_id = p.id AND ps.territory_code = $1
  WHERE p.status = 'published' AND (SELECT level FROM t) = ANY(p.levels)
),
peers AS (
  SELECT ps.policy_id, min(ps.global_rate) AS min, percentile_cont(0.5) WITHIN GROUP (ORDER BY ps.global_rate) AS median, max(ps.global_rate) AS max
  FROM policy_state ps JOIN territory x ON x.code = ps.territory_code WHERE x.level = (SELECT level FROM t) GROUP BY ps.policy_id
),
map AS (
  SELECT c.code, c.name, avg(ps.global_rate) AS value FROM territory c LEFT JOIN policy_state ps ON ps.territory_code = c.code
  WHERE c.parent_code = $1 OR ($1 = 'FRANCE' AND c.level = 'REG') GROUP BY c.code, c.name
)
SELECT json_build_object(
  'territory', (SELECT row_to_json(t) FROM t),
  'policies', (SELECT json_agg(json_build_object('id', r.id, 'name', r.name, 'globalRate', r.global_rate, 'annualRate', r.annual_rate,
                 'weather', r.weather, 'trend', r.global_rate - r.previous_global_rate, 'gapToMedian', r.global_rate - pe.median,
                 'peers', json_build_object('min', pe.min, 'median', pe.median, 'max', pe.max)) ORDER BY r.position, r.id)
               FROM rows r LEFT JOIN peers pe ON pe.policy_id = r.id),
  'map', (SELECT json_agg(map) FROM map)
) AS home`;

/** Starts an HTTP server answering POST / {territoryCode} with the hand-written home query. */
async function startHandWrittenServer(databaseUrl, poolSize) {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize });
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const { territoryCode } = JSON.parse(body || '{}');
      pool
        .query(HOME_SQL, [territoryCode ?? 'FRANCE'])
        .then((result) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data: result.rows[0].home }));
        })
        .catch((error) => {
          res.writeHead(500);
          res.end(String(error.message));
        });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}

module.exports = { startHandWrittenServer, HOME_SQL };
