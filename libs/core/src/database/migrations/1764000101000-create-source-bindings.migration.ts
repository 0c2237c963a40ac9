import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Source bindings (libs/sync, ADR 033): a connector of a module + its settings → a column mapping
 * to (indicator, territory, date, kind, value), with a schedule; and the history of their runs.
 * Values a run publishes are an import batch (`measure.batch_id` → `import_batch.id`, provenance
 * `connector`); the run row names that batch. Lives with the core migrations like `import_batch`.
 */
export class CreateSourceBindings1764000101000 implements MigrationInterface {
  name = 'CreateSourceBindings1764000101000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE source_binding (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
        name text NOT NULL,
        source_ref text NOT NULL,
        settings jsonb NOT NULL,
        mapping jsonb NOT NULL,
        -- 5-field cron (UTC); null = run by hand only
        schedule text,
        -- true: values are published at once; false: they become proposals for validation
        trusted boolean NOT NULL DEFAULT false,
        enabled boolean NOT NULL DEFAULT true,
        owner_ids text[] NOT NULL DEFAULT '{}',
        next_run_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE sync_run (
        id text PRIMARY KEY,
        binding_id text NOT NULL REFERENCES source_binding(id) ON DELETE CASCADE,
        trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual', 'cli')),
        dry_run boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'published', 'proposed', 'unchanged', 'dry-run', 'invalid', 'failed')),
        attempt integer NOT NULL DEFAULT 1,
        rows_read integer NOT NULL DEFAULT 0,
        values_accepted integer NOT NULL DEFAULT 0,
        values_refused integer NOT NULL DEFAULT 0,
        values_changed integer NOT NULL DEFAULT 0,
        rates_changed integer NOT NULL DEFAULT 0,
        source_sha256 text,
        batch_id text,
        error_code text,
        error_message text,
        issues jsonb NOT NULL DEFAULT '[]',
        started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        finished_at timestamptz,
        duration_ms integer
      )`);
    await q.query(`CREATE INDEX sync_run_binding_idx ON sync_run(binding_id, started_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sync_run`);
    await q.query(`DROP TABLE source_binding`);
  }
}
