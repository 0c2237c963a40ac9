import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data entry workflow (libs/workflow, docs/adr/009-workflow-items-and-notifications.md):
 * proposals and their states, entry campaigns, in-app notifications. Lives with the core
 * migrations so every instance has it; libs/workflow depends on core, not the reverse.
 */
export class CreateWorkflow1764000002000 implements MigrationInterface {
  name = 'CreateWorkflow1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE entry_campaign (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        -- the period the expected values describe
        period_start date NOT NULL,
        period_end date NOT NULL CHECK (period_end >= period_start),
        deadline date NOT NULL,
        indicator_ids text[] NOT NULL,
        territory_codes text[] NOT NULL,
        assignee_ids uuid[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A proposal (value, target, météo, comment, objective) on its way to publication. Rows are
    // updated as the item moves; every move is also in audit_log (who, when, old → new).
    await q.query(`
      CREATE TABLE workflow_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_kind text NOT NULL CHECK (subject_kind IN ('measure', 'weather', 'comment', 'objective', 'decision')),
        policy_id text NOT NULL REFERENCES policy(id),
        indicator_id text REFERENCES indicator(id),
        territory_code text NOT NULL REFERENCES territory(code),
        payload jsonb NOT NULL,
        state text NOT NULL CHECK (state IN ('draft', 'submitted', 'validated', 'refused', 'published')),
        author_id uuid REFERENCES app_user(id),
        reviewer_id uuid REFERENCES app_user(id),
        publisher_id uuid REFERENCES app_user(id),
        reason text,
        campaign_id uuid REFERENCES entry_campaign(id),
        source text NOT NULL DEFAULT 'entry',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        decided_at timestamptz,
        published_at timestamptz,
        CHECK (subject_kind <> 'measure' OR indicator_id IS NOT NULL),
        CHECK (state <> 'refused' OR reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX workflow_item_scope_idx ON workflow_item(territory_code, policy_id, state)`);
    await q.query(`CREATE INDEX workflow_item_indicator_idx ON workflow_item(indicator_id, territory_code) WHERE indicator_id IS NOT NULL`);
    await q.query(`CREATE INDEX workflow_item_author_idx ON workflow_item(author_id, state)`);
    // In-app notifications; the text is rendered at read time in the reader's language from
    // kind + params. dedupe_key stops a scheduled reminder from being sent twice.
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}'::jsonb,
        link text,
        dedupe_key text,
        read_at timestamptz,
        emailed_at timestamptz,
        email_error text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notification_user_idx ON notification(user_id, created_at DESC)`);
    await q.query(`CREATE UNIQUE INDEX notification_dedupe_idx ON notification(user_id, dedupe_key) WHERE dedupe_key IS NOT NULL`);
    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        locale text CHECK (locale IS NULL OR locale IN ('fr', 'en')),
        email boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['notification_preference', 'notification', 'workflow_item', 'entry_campaign']) await q.query(`DROP TABLE ${table}`);
  }
}
