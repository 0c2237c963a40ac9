import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The state tables hold one row per indicator (or policy) per territory: tens of thousands of
 * territory codes, and the national, regional and departmental ones — those dashboards read most —
 * are each as frequent as the others. With PostgreSQL's default sample (100 most common values) the
 * planner believed FRANCE had ~13 indicator states instead of 2,000 and joined them row by row
 * (docs/adr/017-one-statement-per-read.md). A larger sample of this column keeps the estimates right.
 */
export class StateTerritoryStatistics1764000004200 implements MigrationInterface {
  name = 'StateTerritoryStatistics1764000004200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE indicator_state ALTER COLUMN territory_code SET STATISTICS 1000`);
    await q.query(`ALTER TABLE policy_state ALTER COLUMN territory_code SET STATISTICS 1000`);
    await q.query(`ANALYZE indicator_state`);
    await q.query(`ANALYZE policy_state`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE indicator_state ALTER COLUMN territory_code SET STATISTICS -1`);
    await q.query(`ALTER TABLE policy_state ALTER COLUMN territory_code SET STATISTICS -1`);
  }
}
