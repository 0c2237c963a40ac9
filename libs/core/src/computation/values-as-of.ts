import { GraphQLError } from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { recomputeIndicators } from './recompute-indicators';

/** Tables filtered to the rows dated on or before the date (facts and météo/comments: their history is the table). */
const DATED_TABLES = ['measure', 'narrative'];
/** Tables derived from them, computed again for the date (empty at first, as in a new database). */
const DERIVED_TABLES = ['derived_measure', 'indicator_state', 'policy_state', 'policy_peer_stats'];

/**
 * Checks an "as of" date given by a reader: a real calendar day (YYYY-MM-DD) not after `today`.
 * The message names the argument and the value, so the page can say what is wrong and where.
 */
export function parseAsOfDate(value: string, today: string, argument = 'asOf'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`${argument}: "${value}" is not a date (YYYY-MM-DD expected).`, { extensions: { code: 'BAD_USER_INPUT', field: argument, reasonCode: 'as-of-not-a-date', reasonParams: { value } } });
  }
  if (value > today) {
    throw new GraphQLError(`${argument}: ${value} is after today (${today}); values are only known up to today.`, { extensions: { code: 'BAD_USER_INPUT', field: argument, reasonCode: 'as-of-in-future', reasonParams: { value, today } } });
  }
  return value;
}

/**
 * Runs `read` against the dashboard as it was on `asOf` (ADR 042): in one transaction that is
 * always rolled back, temporary tables shadow the real ones (PostgreSQL resolves unqualified names
 * in the session's temporary schema first): `measure` and `narrative` hold only their rows dated on
 * or before `asOf`, and every derived table (aggregated values, indicator and policy rates, peers'
 * statistics) is computed again from them by the same code a write runs, for that date. Every read
 * of the dashboard then works unchanged. Nothing is written: the transaction is rolled back.
 */
export async function readValuesAsOf<T>(dataSource: DataSource, asOf: string, levelOrder: string[], read: (db: EntityManager) => Promise<T>): Promise<T> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`readValuesAsOf: bad date ${asOf}`);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    const db = runner.manager;
    const [{ schema }] = (await db.query(`SELECT current_schema() AS schema`)) as { schema: string }[];
    const real = (table: string) => `"${schema.replace(/"/g, '""')}".${table}`;
    for (const table of [...DATED_TABLES, ...DERIVED_TABLES]) {
      // LIKE copies columns, defaults and indexes; never triggers (no data-change mark) nor foreign keys.
      await db.query(`CREATE TEMPORARY TABLE ${table} (LIKE ${real(table)} INCLUDING DEFAULTS INCLUDING INDEXES) ON COMMIT DROP`);
    }
    for (const table of DATED_TABLES) await db.query(`INSERT INTO ${table} SELECT * FROM ${real(table)} WHERE date <= $1::date`, [asOf]);
    const indicators = (await db.query(`SELECT DISTINCT indicator_id AS id FROM measure WHERE state = 'published'`)) as { id: string }[];
    await recomputeIndicators(db, indicators.map((i) => i.id), { levelOrder, asOf });
    return await read(db);
  } finally {
    await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
  }
}
