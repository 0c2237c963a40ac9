import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMeasures1764000000200 implements MigrationInterface {
  name = 'CreateMeasures1764000000200';

  async up(q: QueryRunner): Promise<void> {
    // Append-only facts: a correction is a new row; the current value is the latest row.
    await q.query(`
      CREATE TABLE measure (
        id bigserial PRIMARY KEY,
        indicator_id text NOT NULL REFERENCES indicator(id),
        territory_code text NOT NULL REFERENCES territory(code),
        date date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('VI', 'VA', 'VC', 'VC_INTERMEDIATE')),
        value double precision NOT NULL,
        provenance text NOT NULL,
        state text NOT NULL DEFAULT 'published',
        batch_id text,
        author_id text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX measure_series_idx ON measure(indicator_id, territory_code, kind, date)`);
    await q.query(`CREATE INDEX measure_batch_idx ON measure(batch_id) WHERE batch_id IS NOT NULL`);
    // Values of levels that aggregate the level below (sum, mean…), one row per date, rebuilt
    // whenever a contributing value changes. Derived, never entered: kept apart from measures.
    await q.query(`
      CREATE TABLE derived_measure (
        indicator_id text NOT NULL REFERENCES indicator(id),
        territory_code text NOT NULL REFERENCES territory(code),
        kind text NOT NULL,
        date date NOT NULL,
        value double precision NOT NULL,
        child_count integer NOT NULL,
        expected_children integer NOT NULL,
        PRIMARY KEY (indicator_id, territory_code, kind, date)
      )`);
    // Computed state per indicator × territory: values used, rates and their explanations.
    // Refreshed when a measure is written (no batch), read by the dashboard.
    await q.query(`
      CREATE TABLE indicator_state (
        indicator_id text NOT NULL REFERENCES indicator(id),
        territory_code text NOT NULL REFERENCES territory(code),
        initial_value double precision, initial_date date,
        current_value double precision, current_value_date date, current_provenance text,
        annual_target double precision, annual_target_date date,
        global_target double precision, global_target_date date,
        annual_rate double precision, global_rate double precision,
        previous_global_rate double precision,
        annual_explanation jsonb NOT NULL,
        global_explanation jsonb NOT NULL,
        -- how the current value was obtained when it is aggregated from the level below
        current_explanation jsonb,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (indicator_id, territory_code)
      )`);
    await q.query(`CREATE INDEX indicator_state_territory_idx ON indicator_state(territory_code)`);
    await q.query(`
      CREATE TABLE policy_state (
        policy_id text NOT NULL REFERENCES policy(id),
        territory_code text NOT NULL REFERENCES territory(code),
        annual_rate double precision, global_rate double precision,
        previous_global_rate double precision,
        rate_date date,
        annual_explanation jsonb NOT NULL,
        global_explanation jsonb NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (policy_id, territory_code)
      )`);
    await q.query(`CREATE INDEX policy_state_territory_idx ON policy_state(territory_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE policy_state`);
    await q.query(`DROP TABLE indicator_state`);
    await q.query(`DROP TABLE derived_measure`);
    await q.query(`DROP TABLE measure`);
  }
}
