import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit retention set on screen (issue 21, ADR 040 amended): at most one row (`id` is always
 * true). No row: `audit.retentionDays` of pilote.config.ts applies. `days` null keeps everything;
 * the bounds are the configuration's (30 to 36,500 days).
 */
export class CreateAuditRetentionOverride1764000801000 implements MigrationInterface {
  name = 'CreateAuditRetentionOverride1764000801000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_retention_override (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        days integer CHECK (days IS NULL OR days BETWEEN 30 AND 36500),
        changed_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        reason text NOT NULL CHECK (length(btrim(reason)) > 0)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_retention_override`);
  }
}
