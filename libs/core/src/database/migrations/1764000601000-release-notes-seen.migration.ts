import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Release notes ("Nouveautés", issue 21): which notes each user has seen. A note's id changes when
 * its text does (an "unreleased" section that grows is new again), so the seen ids are kept, not a date.
 */
export class ReleaseNotesSeen1764000601000 implements MigrationInterface {
  name = 'ReleaseNotesSeen1764000601000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE release_note_seen (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        note_id text NOT NULL,
        seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, note_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE release_note_seen`);
  }
}
