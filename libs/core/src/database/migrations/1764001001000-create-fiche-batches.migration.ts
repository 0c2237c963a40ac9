import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PDF fiches made in batches (issue 19, ADR 046): one row per batch (its owner, the policy, the
 * territories it covers, its progress) and one per fiche made, the PDF itself in `bytea`, so a
 * batch restarted after a crash skips the fiches already stored. Deleted with their batch.
 */
export class CreateFicheBatches1764001001000 implements MigrationInterface {
  name = 'CreateFicheBatches1764001001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fiche_batch (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        policy_id text NOT NULL,
        level text NOT NULL,
        as_of date,
        territory_codes text[] NOT NULL,
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
        failed_count integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX fiche_batch_owner ON fiche_batch (owner_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE fiche_file (
        batch_id uuid NOT NULL REFERENCES fiche_batch(id) ON DELETE CASCADE,
        territory_code text NOT NULL,
        pdf bytea NOT NULL,
        pages integer NOT NULL CHECK (pages > 0),
        render_ms integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (batch_id, territory_code)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fiche_file`);
    await q.query(`DROP TABLE fiche_batch`);
  }
}
