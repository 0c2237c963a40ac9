import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables a dashboard read depends on: a write to any of them must make cached reads stale. */
export const DASHBOARD_SOURCE_TABLES = [
  'territory',
  'territory_ancestor',
  'policy',
  'policy_taxonomy',
  'indicator',
  'indicator_state',
  'policy_state',
  'policy_peer_stats',
  'narrative',
];

/**
 * The data revision (see docs/adr, "read cache"): every transaction that writes a dashboard source table
 * leaves one row in `data_change`, keyed by its transaction id, in the same transaction, so the
 * mark becomes visible exactly when its data does. `sum(weight)` then counts the committed writing
 * transactions: it changes iff some dashboard data did. One row per transaction (statement-level
 * triggers, ON CONFLICT DO NOTHING) and no shared counter row: concurrent writers never wait on it.
 */
export class DataChangeMarks1764000005100 implements MigrationInterface {
  name = 'DataChangeMarks1764000005100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE data_change (txid xid8 PRIMARY KEY, weight bigint NOT NULL DEFAULT 1)`);
    await q.query(`CREATE FUNCTION mark_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO data_change (txid) VALUES (pg_current_xact_id()) ON CONFLICT (txid) DO NOTHING;
        RETURN NULL;
      END $$`);
    for (const table of DASHBOARD_SOURCE_TABLES) {
      await q.query(`CREATE TRIGGER ${table}_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION mark_data_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of DASHBOARD_SOURCE_TABLES) await q.query(`DROP TRIGGER IF EXISTS ${table}_data_change ON ${table}`);
    await q.query(`DROP FUNCTION mark_data_change()`);
    await q.query(`DROP TABLE data_change`);
  }
}
