import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal bookmarks (issue 20, ADR 041): starred policies, indicators and territories, and named
 * views (a path of the web app with its query string, the view's whole state). Each row belongs to
 * one user and goes with them (ON DELETE CASCADE); nobody else reads it.
 */
export class CreateFavouritesAndSavedViews1764000701000 implements MigrationInterface {
  name = 'CreateFavouritesAndSavedViews1764000701000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE favourite (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('policy', 'indicator', 'territory')),
        target_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind, target_id)
      )`);
    await q.query(`
      CREATE TABLE saved_view (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        path text NOT NULL CHECK (length(path) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX saved_view_user_idx ON saved_view(user_id, name)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE saved_view`);
    await q.query(`DROP TABLE favourite`);
  }
}
