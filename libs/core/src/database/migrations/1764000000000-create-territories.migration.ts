import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTerritories1764000000000 implements MigrationInterface {
  name = 'CreateTerritories1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE territory (
        code text PRIMARY KEY,
        level text NOT NULL,
        name text NOT NULL,
        parent_code text REFERENCES territory(code),
        population integer,
        -- the INSEE code without the level prefix (84 for R84, 2A for D2A)
        insee_code text,
        status text NOT NULL DEFAULT 'active',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX territory_level_idx ON territory(level)`);
    await q.query(`CREATE INDEX territory_parent_idx ON territory(parent_code)`);
    // Closure table: every (territory, ancestor) pair, the territory itself at depth 0.
    // Scopes ("a région and everything below") and aggregations read it instead of recursing.
    await q.query(`
      CREATE TABLE territory_ancestor (
        territory_code text NOT NULL REFERENCES territory(code) ON DELETE CASCADE,
        ancestor_code text NOT NULL REFERENCES territory(code) ON DELETE CASCADE,
        depth smallint NOT NULL,
        PRIMARY KEY (territory_code, ancestor_code)
      )`);
    await q.query(`CREATE INDEX territory_ancestor_ancestor_idx ON territory_ancestor(ancestor_code, depth)`);
    // Custom perimeters (e.g. a CRTE contract) group territories of any level.
    await q.query(`
      CREATE TABLE territory_membership (
        perimeter_code text NOT NULL REFERENCES territory(code) ON DELETE CASCADE,
        member_code text NOT NULL REFERENCES territory(code) ON DELETE CASCADE,
        PRIMARY KEY (perimeter_code, member_code)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE territory_membership`);
    await q.query(`DROP TABLE territory_ancestor`);
    await q.query(`DROP TABLE territory`);
  }
}
