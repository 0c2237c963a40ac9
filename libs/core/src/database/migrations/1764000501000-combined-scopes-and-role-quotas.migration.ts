import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Combined scopes and role quotas (ADR 037): an assignment (or an access request) may apply to a
 * territory subtree × policies × taxonomies at once (`scope_kind = 'combined'`, each dimension
 * optional, at least two given); every new grant says why (`reason`); an administrator may
 * override a role's quota in one territory, saying who and why.
 */
export class CombinedScopesAndRoleQuotas1764000501000 implements MigrationInterface {
  name = 'CombinedScopesAndRoleQuotas1764000501000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['assignment', 'access_request']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${table}_scope_kind_check`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_scope_kind_check CHECK (scope_kind IN ('all', 'territory', 'policies', 'taxonomies', 'combined'))`);
      await q.query(`ALTER TABLE ${table} ADD COLUMN scope_policy_ids text[] NOT NULL DEFAULT '{}', ADD COLUMN scope_taxonomy_ids text[] NOT NULL DEFAULT '{}'`);
    }
    // Rows granted before this migration have no reason: NULL says "not recorded", never an invented one.
    await q.query(`ALTER TABLE assignment ADD COLUMN reason text`);
    await q.query(`
      CREATE TABLE role_quota_override (
        territory_code text NOT NULL REFERENCES territory(code) ON DELETE CASCADE,
        role_id text NOT NULL REFERENCES role(id) ON DELETE CASCADE,
        max_accounts integer NOT NULL CHECK (max_accounts >= 0),
        reason text NOT NULL,
        set_by uuid REFERENCES app_user(id),
        set_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (territory_code, role_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE role_quota_override`);
    await q.query(`ALTER TABLE assignment DROP COLUMN reason`);
    for (const table of ['assignment', 'access_request']) {
      await q.query(`DELETE FROM ${table} WHERE scope_kind = 'combined'`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN scope_policy_ids, DROP COLUMN scope_taxonomy_ids`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_scope_kind_check`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_scope_kind_check CHECK (scope_kind IN ('all', 'territory', 'policies', 'taxonomies'))`);
    }
  }
}
