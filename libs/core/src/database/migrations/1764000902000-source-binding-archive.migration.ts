import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A source binding deleted from the admin while runs refer to it is archived instead (ADR 033):
 * its runs keep the provenance of the values they published (`measure.batch_id` → `sync_run` →
 * binding), it no longer runs nor shows in the list.
 */
export class SourceBindingArchive1764000902000 implements MigrationInterface {
  name = 'SourceBindingArchive1764000902000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE source_binding ADD COLUMN archived_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE source_binding DROP COLUMN archived_at`);
  }
}
