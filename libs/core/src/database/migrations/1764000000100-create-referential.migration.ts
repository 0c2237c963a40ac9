import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReferential1764000000100 implements MigrationInterface {
  name = 'CreateReferential1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE taxonomy (
        id text PRIMARY KEY,
        kind text NOT NULL,
        label text NOT NULL,
        parent_id text REFERENCES taxonomy(id),
        status text NOT NULL DEFAULT 'active',
        position integer NOT NULL DEFAULT 0
      )`);
    await q.query(`
      CREATE TABLE policy (
        id text PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        status text NOT NULL DEFAULT 'draft',
        description text,
        owners jsonb NOT NULL DEFAULT '[]',
        levels text[] NOT NULL DEFAULT '{}',
        position integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE policy_taxonomy (
        policy_id text NOT NULL REFERENCES policy(id) ON DELETE CASCADE,
        taxonomy_id text NOT NULL REFERENCES taxonomy(id) ON DELETE CASCADE,
        PRIMARY KEY (policy_id, taxonomy_id)
      )`);
    await q.query(`CREATE INDEX policy_taxonomy_taxonomy_idx ON policy_taxonomy(taxonomy_id)`);
    await q.query(`
      CREATE TABLE indicator (
        id text PRIMARY KEY,
        policy_id text NOT NULL REFERENCES policy(id),
        name text NOT NULL,
        type text NOT NULL,
        unit text NOT NULL,
        direction text NOT NULL CHECK (direction IN ('rising', 'falling')),
        source text,
        method text,
        description text,
        periodicity text NOT NULL,
        availability_delay_days integer NOT NULL DEFAULT 0,
        -- per level: { weight, VI|VA|VC: 'entered' | 'aggregated', aggregation: 'sum'|'mean'|'population-weighted-mean' }
        level_settings jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'active',
        position integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX indicator_policy_idx ON indicator(policy_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE indicator`);
    await q.query(`DROP TABLE policy_taxonomy`);
    await q.query(`DROP TABLE policy`);
    await q.query(`DROP TABLE taxonomy`);
  }
}
