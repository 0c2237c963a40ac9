// "Validate → rates updated" through the API, as a validator does it: a value is proposed
// (submitted), then each run times the `validateWorkflowItem` and `publishWorkflowItem` mutations
// over HTTP; when publish returns, the rates that depend on the value (its territory, every level
// above, the policy) must have been recomputed after the click, which is checked in the database.
const { Client } = require('pg');

const PROPOSE = `mutation($input: ValueProposalInput!) { proposeValue(input: $input) { id state } }`;
const VALIDATE = `mutation($id: ID!) { validateWorkflowItem(id: $id) { id state } }`;
const PUBLISH = `mutation($id: ID!) { publishWorkflowItem(id: $id) { id state } }`;

async function graphql(base, headers, query, variables) {
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function timed(work) {
  const started = process.hrtime.bigint();
  const result = await work();
  return { result, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

/**
 * `runs` proposals of a value for `indicatorId` at `territoryCode` (by `proposerHeaders`' user: no one
 * validates their own proposal by default), validated and published by `headers`' user; returns the validate and publish
 * times (ms) and whether every dependent state in `dependents` was recomputed by each publish
 * (null without `databaseUrl`: an embedded database belongs to the API process and cannot be read beside it).
 */
async function measureValidateToFresh({ base, headers, proposerHeaders = headers, databaseUrl, indicatorId, policyId, territoryCode, dependents, runs, date }) {
  const db = databaseUrl ? new Client({ connectionString: databaseUrl }) : null;
  await db?.connect();
  const validate = [];
  const publish = [];
  let allFresh = db ? true : null;
  try {
    for (let i = 0; i < runs; i += 1) {
      const input = { indicatorId, territoryCode, kind: 'VA', date, value: 900 + i };
      const { proposeValue: item } = await graphql(base, proposerHeaders, PROPOSE, { input });
      const clicked = db ? (await db.query(`SELECT now()`)).rows[0].now : null;
      const validated = await timed(() => graphql(base, headers, VALIDATE, { id: item.id }));
      const published = await timed(() => graphql(base, headers, PUBLISH, { id: item.id }));
      if (validated.result.validateWorkflowItem.state !== 'validated' || published.result.publishWorkflowItem.state !== 'published') throw new Error(`workflow item ${item.id} did not reach "published"`);
      validate.push(validated.ms);
      publish.push(published.ms);
      if (!db) continue;
      const { rows } = await db.query(
        `SELECT count(*)::int AS fresh FROM (
           SELECT computed_at FROM indicator_state WHERE indicator_id = $1 AND territory_code = ANY($3::text[])
           UNION ALL SELECT computed_at FROM policy_state WHERE policy_id = $2 AND territory_code = ANY($3::text[])) s
         WHERE computed_at >= $4`,
        [indicatorId, policyId, dependents, clicked],
      );
      if (rows[0].fresh !== 2 * dependents.length) allFresh = false;
    }
  } finally {
    await db?.end();
  }
  return { validate, publish, total: validate.map((ms, i) => ms + publish[i]), allFresh };
}

module.exports = { measureValidateToFresh };
