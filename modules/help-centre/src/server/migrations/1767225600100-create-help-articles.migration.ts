import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Articles are files of the instance; this table is their search index, rebuilt at each start. */
export class CreateHelpArticles1767225600100 implements MigrationInterface {
  name = 'CreateHelpArticles1767225600100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE module_help_centre_article (
        slug text PRIMARY KEY,
        title text NOT NULL,
        keywords text[] NOT NULL DEFAULT '{}',
        pages text[] NOT NULL DEFAULT '{}',
        locale text NOT NULL DEFAULT 'fr',
        sort_order int NOT NULL DEFAULT 100,
        body text NOT NULL,
        excerpt text NOT NULL DEFAULT '',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE module_help_centre_article`);
  }
}
