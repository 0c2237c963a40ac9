import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The home's per-territory reads (territory means for the gauges and the map; latest value dates
 * for "update overdue") find everything they need in the index: state rows are wide (jsonb
 * explanations) and a territory's rows lie one per heap page, so reading the heap cost one page
 * per policy (docs/adr/014-peer-statistics-at-write-time.md). These replace the single-column
 * territory indexes, which they extend.
 */
export class HomeCoveringIndexes1764000004100 implements MigrationInterface {
  name = 'HomeCoveringIndexes1764000004100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX policy_state_territory_rates_idx ON policy_state (territory_code, policy_id) INCLUDE (global_rate, annual_rate)`);
    await q.query(`DROP INDEX policy_state_territory_idx`);
    await q.query(`CREATE INDEX indicator_state_territory_dates_idx ON indicator_state (territory_code, indicator_id) INCLUDE (current_value_date)`);
    await q.query(`DROP INDEX indicator_state_territory_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX indicator_state_territory_idx ON indicator_state(territory_code)`);
    await q.query(`DROP INDEX indicator_state_territory_dates_idx`);
    await q.query(`CREATE INDEX policy_state_territory_idx ON policy_state(territory_code)`);
    await q.query(`DROP INDEX policy_state_territory_rates_idx`);
  }
}
