import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_ROLES } from './default-roles';

export class CreateIdentity1764000000500 implements MigrationInterface {
  name = 'CreateIdentity1764000000500';

  async up(q: QueryRunner): Promise<void> {
    // Users are matched by verified e-mail: ProConnect gives each service a different `sub`.
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        given_name text,
        usual_name text,
        uid text,
        siret text,
        organizational_unit text,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
        demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz
      )`);
    // Roles are data: rank orders them for delegated administration (a manager grants only lower ranks).
    await q.query(`
      CREATE TABLE role (
        id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]*$'),
        label jsonb NOT NULL,
        description jsonb NOT NULL DEFAULT '{}'::jsonb,
        rank integer NOT NULL DEFAULT 0,
        permissions jsonb NOT NULL DEFAULT '[]'::jsonb,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const role of DEFAULT_ROLES) {
      await q.query(`INSERT INTO role (id, label, description, rank, permissions) VALUES ($1, $2, $3, $4, $5)`, [
        role.id, JSON.stringify(role.label), JSON.stringify(role.description), role.rank, JSON.stringify(role.permissions),
      ]);
    }
    // An assignment is role × scope; revoked rows are kept (nothing is deleted without a trace).
    await q.query(`
      CREATE TABLE assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        role_id text NOT NULL REFERENCES role(id),
        scope_kind text NOT NULL CHECK (scope_kind IN ('all', 'territory', 'policies', 'taxonomies')),
        scope_territory_code text REFERENCES territory(code),
        scope_ids text[] NOT NULL DEFAULT '{}',
        source text NOT NULL DEFAULT 'manual',
        source_ref text,
        granted_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES app_user(id),
        CHECK (scope_kind <> 'territory' OR scope_territory_code IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX assignment_user_idx ON assignment(user_id) WHERE revoked_at IS NULL`);
    await q.query(`CREATE INDEX assignment_territory_idx ON assignment(scope_territory_code) WHERE revoked_at IS NULL`);
    // Sessions live in PostgreSQL so API replicas share them; the id is the SHA-256 of the cookie value.
    await q.query(`
      CREATE TABLE user_session (
        id text PRIMARY KEY,
        user_id uuid REFERENCES app_user(id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        expires_at timestamptz NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX user_session_expires_idx ON user_session(expires_at)`);
    await q.query(`
      CREATE TABLE api_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        name text NOT NULL,
        hash text NOT NULL UNIQUE,
        prefix text NOT NULL,
        scopes text[] NOT NULL CHECK (scopes <@ ARRAY['read', 'write', 'import']::text[]),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        last_used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX api_token_user_idx ON api_token(user_id)`);
    await q.query(`
      CREATE TABLE access_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        requester_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        role_id text NOT NULL REFERENCES role(id),
        scope_kind text NOT NULL CHECK (scope_kind IN ('all', 'territory', 'policies', 'taxonomies')),
        scope_territory_code text REFERENCES territory(code),
        scope_ids text[] NOT NULL DEFAULT '{}',
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused')),
        decided_by uuid REFERENCES app_user(id),
        decision_reason text,
        decided_at timestamptz,
        source text NOT NULL DEFAULT 'app',
        external_id text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX access_request_status_idx ON access_request(status, scope_territory_code)`);
    await q.query(`CREATE UNIQUE INDEX access_request_external_idx ON access_request(source, external_id) WHERE external_id IS NOT NULL`);
    // Per-territory overrides of the instance's per-level account quotas (rights.quotas).
    await q.query(`
      CREATE TABLE territory_quota (
        territory_code text PRIMARY KEY REFERENCES territory(code) ON DELETE CASCADE,
        max_accounts integer NOT NULL CHECK (max_accounts >= 0)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['territory_quota', 'access_request', 'api_token', 'user_session', 'assignment', 'role', 'app_user']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
