import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateQualitative1764000000300 implements MigrationInterface {
  name = 'CreateQualitative1764000000300';

  async up(q: QueryRunner): Promise<void> {
    // Météo, comments, objectives and decisions per policy × territory; rows are never
    // updated in place, so the history is the table itself.
    await q.query(`
      CREATE TABLE narrative (
        id bigserial PRIMARY KEY,
        policy_id text NOT NULL REFERENCES policy(id),
        territory_code text NOT NULL REFERENCES territory(code),
        kind text NOT NULL CHECK (kind IN ('weather', 'comment', 'objective', 'decision')),
        type text,
        weather text CHECK (weather IS NULL OR weather IN ('SUNNY', 'CLOUDY', 'RAINY', 'STORMY', 'NOT_FILLED', 'NOT_NEEDED')),
        body text NOT NULL DEFAULT '',
        state text NOT NULL DEFAULT 'published',
        author_name text,
        author_id text,
        date date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX narrative_lookup_idx ON narrative(policy_id, territory_code, kind, date DESC)`);
    await q.query(`CREATE INDEX narrative_territory_idx ON narrative(territory_code, kind)`);
    await q.query(`
      CREATE TABLE roadmap_item (
        territory_code text NOT NULL REFERENCES territory(code),
        policy_id text NOT NULL REFERENCES policy(id),
        local_objective text,
        selected_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (territory_code, policy_id)
      )`);
    await q.query(`
      CREATE TABLE instance_state (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE instance_state`);
    await q.query(`DROP TABLE roadmap_item`);
    await q.query(`DROP TABLE narrative`);
  }
}
