import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Usage figures without trackers (issue 19, ADR 045). No column holds an account id, an e-mail,
 * an address or free text:
 * - `usage_page_view`: daily counts of rendered pages, by page kind × role × territory level ×
 *   territory code ('' when the page is about no territory). Kept `usage.retentionDays` (nightly job `usage.retention`).
 * - `usage_period_salt` / `usage_active_marker`: while a day, week or month is open, one salted
 *   hash per active account (the salt is random, per period, and both are deleted when the
 *   period closes), so a person is counted once per period without being stored.
 * - `usage_active_users`: how many distinct accounts were active in a closed period, by role
 *   ('*' = all roles). Kept `usage.retentionDays`.
 */
export class CreateUsageFigures1764000901000 implements MigrationInterface {
  name = 'CreateUsageFigures1764000901000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE usage_page_view (
        day date NOT NULL,
        page_kind text NOT NULL CHECK (page_kind ~ '^[a-z][a-z-]{0,31}$'),
        role text NOT NULL CHECK (length(role) BETWEEN 1 AND 200),
        territory_level text NOT NULL DEFAULT '' CHECK (length(territory_level) <= 32),
        territory_code text NOT NULL DEFAULT '' CHECK (length(territory_code) <= 64),
        views integer NOT NULL CHECK (views > 0),
        PRIMARY KEY (day, page_kind, role, territory_level, territory_code)
      )`);
    await q.query(`
      CREATE TABLE usage_period_salt (
        period text NOT NULL CHECK (period IN ('DAY', 'WEEK', 'MONTH')),
        period_start date NOT NULL,
        salt text NOT NULL,
        PRIMARY KEY (period, period_start)
      )`);
    await q.query(`
      CREATE TABLE usage_active_marker (
        period text NOT NULL CHECK (period IN ('DAY', 'WEEK', 'MONTH')),
        period_start date NOT NULL,
        role text NOT NULL,
        marker text NOT NULL CHECK (marker ~ '^[0-9a-f]{64}$'),
        PRIMARY KEY (period, period_start, role, marker)
      )`);
    await q.query(`
      CREATE TABLE usage_active_users (
        period text NOT NULL CHECK (period IN ('DAY', 'WEEK', 'MONTH')),
        period_start date NOT NULL,
        role text NOT NULL,
        users integer NOT NULL CHECK (users >= 0),
        PRIMARY KEY (period, period_start, role)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE usage_active_users`);
    await q.query(`DROP TABLE usage_active_marker`);
    await q.query(`DROP TABLE usage_period_salt`);
    await q.query(`DROP TABLE usage_page_view`);
  }
}
