import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Daily snapshots of the public open-data files (ADR 038): one row per day × file, the CSV
 * gzip-compressed, so a download of a past day is the file as it was published that day.
 */
export class CreatePublicSnapshots1764000401000 implements MigrationInterface {
  name = 'CreatePublicSnapshots1764000401000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE public_snapshot (
        taken_on date NOT NULL,
        file text NOT NULL,
        row_count integer NOT NULL,
        byte_count integer NOT NULL,
        sha256 text NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (taken_on, file)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE public_snapshot`);
  }
}
