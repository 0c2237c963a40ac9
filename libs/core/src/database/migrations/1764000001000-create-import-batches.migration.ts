import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per published import (libs/import): who, when, which file (name + SHA-256), how many
 * rows. Measures written by an import carry its id in `measure.batch_id`. Lives with the core
 * migrations so that every instance has it (docs/adr/004-imports-stage-then-write.md).
 */
export class CreateImportBatches1764000001000 implements MigrationInterface {
  name = 'CreateImportBatches1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_batch (
        id text PRIMARY KEY,
        file_name text NOT NULL,
        file_hash text NOT NULL,
        file_bytes bigint NOT NULL,
        format text NOT NULL,
        mapping text NOT NULL,
        author_id text,
        -- published: rows written; unchanged: the same file again, nothing written
        status text NOT NULL CHECK (status IN ('published', 'unchanged')),
        rows_read integer NOT NULL,
        rows_written integer NOT NULL,
        rows_unchanged integer NOT NULL,
        warnings integer NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX import_batch_hash_idx ON import_batch(file_hash)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_batch`);
  }
}
