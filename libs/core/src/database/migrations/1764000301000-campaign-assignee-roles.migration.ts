import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns assign people by role too (issue 21): the roles are kept so that the form shows them
 * again and an edit resolves their holders anew; `assignee_ids` stays the resolved list that
 * notifications and reminders read. Names are unique case-insensitively among campaigns: checked
 * by the service under an advisory lock (an index would refuse to migrate an instance that already
 * has two campaigns of the same name).
 */
export class CampaignAssigneeRoles1764000301000 implements MigrationInterface {
  name = 'CampaignAssigneeRoles1764000301000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE entry_campaign ADD COLUMN assignee_roles text[] NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE INDEX entry_campaign_lower_name_idx ON entry_campaign (lower(name))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX entry_campaign_lower_name_idx`);
    await q.query(`ALTER TABLE entry_campaign DROP COLUMN assignee_roles`);
  }
}
