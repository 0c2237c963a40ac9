import type { EntityManager } from 'typeorm';

export interface Campaign {
  id: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  indicatorIds: string[];
  territoryCodes: string[];
  assigneeIds: string[];
  assigneeEmails: string[];
  /** Roles whose holders in the campaign's territories are assigned (resolved into assigneeIds on save). */
  assigneeRoles: string[];
  status: 'open' | 'closed';
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface Row {
  id: string;
  name: string;
  period_start: string;
  period_end: string;
  deadline: string;
  indicator_ids: string[];
  territory_codes: string[];
  assignee_ids: string[];
  assignee_emails: string[] | null;
  assignee_roles: string[];
  status: 'open' | 'closed';
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export const CAMPAIGN_SELECT = `SELECT c.id, c.name, to_char(c.period_start, 'YYYY-MM-DD') AS period_start, to_char(c.period_end, 'YYYY-MM-DD') AS period_end,
  to_char(c.deadline, 'YYYY-MM-DD') AS deadline, c.indicator_ids, c.territory_codes, c.assignee_ids::text[] AS assignee_ids,
  (SELECT array_agg(u.email ORDER BY u.email) FROM app_user u WHERE u.id = ANY(c.assignee_ids)) AS assignee_emails,
  c.assignee_roles, c.status, c.created_by, c.created_at, c.updated_at FROM entry_campaign c`;

export const toCampaign = (row: Row): Campaign => ({
  id: row.id,
  name: row.name,
  periodStart: row.period_start,
  periodEnd: row.period_end,
  deadline: row.deadline,
  indicatorIds: row.indicator_ids,
  territoryCodes: row.territory_codes,
  assigneeIds: row.assignee_ids,
  assigneeEmails: row.assignee_emails ?? [],
  assigneeRoles: row.assignee_roles ?? [],
  status: row.status,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function findCampaigns(db: EntityManager, where: string, params: unknown[], suffix = 'ORDER BY c.deadline, c.name'): Promise<Campaign[]> {
  const rows = (await db.query(`${CAMPAIGN_SELECT} WHERE ${where} ${suffix}`, params)) as Row[];
  return rows.map(toCampaign);
}

export async function findCampaign(db: EntityManager, id: string, lock = false): Promise<Campaign | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [campaign] = await findCampaigns(db, 'c.id = $1', [id], lock ? 'FOR UPDATE OF c' : '');
  return campaign ?? null;
}
