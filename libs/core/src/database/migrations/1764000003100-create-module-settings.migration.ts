import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Module settings an administrator changed on the admin page (docs/adr/012-module-settings-overrides.md).
 * Only the keys that differ from pilote.config.ts are stored; the file stays the default.
 */
export class CreateModuleSettings1764000003100 implements MigrationInterface {
  name = 'CreateModuleSettings1764000003100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE module_setting (
        module_id text PRIMARY KEY,
        settings jsonb NOT NULL CHECK (jsonb_typeof(settings) = 'object'),
        updated_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE module_setting`);
  }
}
