import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate limits and GraphQL budgets shared by every replica (issue 16): one token bucket per
 * client and limit. UNLOGGED: counters are not worth a WAL write per request, and a crash that
 * empties them only gives every client a full bucket again.
 */
export class CreateRateLimitBuckets1764000005000 implements MigrationInterface {
  name = 'CreateRateLimitBuckets1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNLOGGED TABLE rate_limit_bucket (
      key text PRIMARY KEY,
      level double precision NOT NULL,
      at timestamptz NOT NULL,
      last_ok boolean NOT NULL
    )`);
    await q.query(`CREATE INDEX rate_limit_bucket_at ON rate_limit_bucket (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_bucket`);
  }
}
