import { assertCan, audit, forbidden, type RequestIdentity, rootsCondition, territoryPath, territoryRoots } from '@pilote/auth';
import type { EntityManager } from 'typeorm';
import { isIsoDate } from '../items/check-proposal';
import { actorFor, type WorkflowCall } from '../items/workflow-call';
import { invalid } from '../items/workflow-errors';
import { type Board, type BoardCell, buildBoard } from './campaign-board';
import { type Campaign, findCampaign, findCampaigns } from './campaign';

export interface CampaignInput {
  name: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  indicatorIds: string[];
  territoryCodes: string[];
  assigneeEmails: string[];
}

const MAX_LIST = 2000;

async function missing(db: EntityManager, table: string, column: string, values: string[]): Promise<string[]> {
  const rows = (await db.query(`SELECT v FROM unnest($1::text[]) AS v WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE ${column} = v)`, [values])) as { v: string }[];
  return rows.map((row) => row.v);
}

/** Checks a campaign's fields (each error names its field) and returns the assignees' ids. */
async function checkInput(call: WorkflowCall, input: CampaignInput): Promise<string[]> {
  if (!input.name.trim()) throw invalid('name', 'Give the campaign a name.');
  for (const field of ['periodStart', 'periodEnd', 'deadline'] as const) {
    if (!isIsoDate(input[field])) throw invalid(field, `"${input[field]}" is not a date (expected YYYY-MM-DD).`);
  }
  if (input.periodEnd < input.periodStart) throw invalid('periodEnd', 'The period ends before it starts.');
  for (const field of ['indicatorIds', 'territoryCodes'] as const) {
    if (input[field].length === 0) throw invalid(field, `List at least one ${field === 'indicatorIds' ? 'indicator' : 'territory'}.`);
    if (input[field].length > MAX_LIST) throw invalid(field, `At most ${MAX_LIST} entries.`);
  }
  const unknownIndicators = await missing(call.db, 'indicator', 'id', input.indicatorIds);
  if (unknownIndicators.length > 0) throw invalid('indicatorIds', `Unknown indicator(s): ${unknownIndicators.join(', ')}.`);
  const unknownTerritories = await missing(call.db, 'territory', 'code', input.territoryCodes);
  if (unknownTerritories.length > 0) throw invalid('territoryCodes', `Unknown territory(ies): ${unknownTerritories.join(', ')}.`);
  // A campaign reaches only territories where its creator may run campaigns.
  for (const code of input.territoryCodes) assertCan(call.identity, 'create', 'Campaign', { territoryPath: await territoryPath(call.db, code) });
  const emails = [...new Set(input.assigneeEmails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const users = (await call.db.query(`SELECT id, email FROM app_user WHERE email = ANY($1::text[])`, [emails])) as { id: string; email: string }[];
  const unknownEmails = emails.filter((email) => !users.some((u) => u.email === email));
  if (unknownEmails.length > 0) throw invalid('assigneeEmails', `No account for: ${unknownEmails.join(', ')}.`);
  return users.map((u) => u.id);
}

export async function createCampaign(call: WorkflowCall, input: CampaignInput): Promise<Campaign> {
  assertCan(call.identity, 'create', 'Campaign');
  const assigneeIds = await checkInput(call, input);
  const [row] = (await call.db.query(
    `INSERT INTO entry_campaign (name, period_start, period_end, deadline, indicator_ids, territory_codes, assignee_ids, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8) RETURNING id`,
    [input.name.trim(), input.periodStart, input.periodEnd, input.deadline, [...new Set(input.indicatorIds)], [...new Set(input.territoryCodes)], assigneeIds, call.identity.userId],
  )) as { id: string }[];
  const campaign = (await findCampaign(call.db, row.id))!;
  await audit(call.db, { actor: actorFor(call), action: 'campaign.created', subjectType: 'Campaign', subjectId: campaign.id, old: null, new: auditable(campaign) });
  return campaign;
}

export async function updateCampaign(call: WorkflowCall, id: string, input: Partial<CampaignInput> & { status?: 'open' | 'closed' | null }): Promise<Campaign> {
  const current = await findCampaign(call.db, id, true);
  if (!current || !(await canOnCampaign(call.db, call.identity, 'update', current))) throw forbidden('update', 'Campaign');
  if (input.status && !['open', 'closed'].includes(input.status)) throw invalid('status', 'Expected open or closed.');
  const merged: CampaignInput = {
    name: input.name ?? current.name,
    periodStart: input.periodStart ?? current.periodStart,
    periodEnd: input.periodEnd ?? current.periodEnd,
    deadline: input.deadline ?? current.deadline,
    indicatorIds: input.indicatorIds ?? current.indicatorIds,
    territoryCodes: input.territoryCodes ?? current.territoryCodes,
    assigneeEmails: input.assigneeEmails ?? current.assigneeEmails,
  };
  const assigneeIds = await checkInput(call, merged);
  await call.db.query(
    `UPDATE entry_campaign SET name = $2, period_start = $3, period_end = $4, deadline = $5, indicator_ids = $6, territory_codes = $7,
       assignee_ids = $8::uuid[], status = coalesce($9, status), updated_at = now() WHERE id = $1`,
    [id, merged.name.trim(), merged.periodStart, merged.periodEnd, merged.deadline, merged.indicatorIds, merged.territoryCodes, assigneeIds, input.status ?? null],
  );
  const updated = (await findCampaign(call.db, id))!;
  await audit(call.db, { actor: actorFor(call), action: 'campaign.updated', subjectType: 'Campaign', subjectId: id, old: auditable(current), new: auditable(updated) });
  return updated;
}

/** Whether the identity may act on the campaign: in scope for every territory of it, or its creator. */
async function canOnCampaign(db: EntityManager, identity: RequestIdentity, action: string, campaign: Campaign): Promise<boolean> {
  if (!identity.ability.can(action, 'Campaign')) return false;
  if (campaign.createdBy && campaign.createdBy === identity.userId) return true;
  for (const code of campaign.territoryCodes) {
    try {
      assertCan(identity, action, 'Campaign', { territoryPath: await territoryPath(db, code) });
    } catch {
      return false;
    }
  }
  return true;
}

/** Campaigns the identity can see: one of their territories in its scope, created by them, or assigned to them. */
export async function visibleCampaigns(db: EntityManager, identity: RequestIdentity, includeClosed: boolean): Promise<Campaign[]> {
  const roots = identity.ability.can('read', 'Campaign') ? territoryRoots(identity.ability, 'read', 'Campaign') : [];
  const scoped = rootsCondition(roots, 'code', 2);
  return findCampaigns(
    db,
    `(${includeClosed ? 'TRUE' : "c.status = 'open'"}) AND (c.created_by = $1::uuid OR $1::uuid = ANY(c.assignee_ids)
      OR EXISTS (SELECT 1 FROM unnest(c.territory_codes) AS code WHERE ${scoped.sql}))`,
    [identity.userId, ...scoped.params],
  );
}

export async function visibleCampaign(db: EntityManager, identity: RequestIdentity, id: string): Promise<Campaign> {
  const campaign = await findCampaign(db, id);
  if (!campaign) throw forbidden('read', 'Campaign');
  const visible = await visibleCampaigns(db, identity, true);
  if (!visible.some((c) => c.id === id)) throw forbidden('read', 'Campaign');
  return campaign;
}

/** Expected values of a campaign: each indicator at each territory where its current value is entered. */
export async function campaignCells(db: EntityManager, campaign: Pick<Campaign, 'indicatorIds' | 'territoryCodes' | 'periodStart' | 'periodEnd'>): Promise<BoardCell[]> {
  const rows = (await db.query(
    `SELECT i.id AS indicator_id, i.policy_id, p.name AS policy_name, i.periodicity, i.availability_delay_days, t.code, t.name,
       (SELECT to_char(max(m.date), 'YYYY-MM-DD') FROM measure m WHERE m.indicator_id = i.id AND m.territory_code = t.code AND m.kind = 'VA' AND m.state = 'published') AS last_date,
       EXISTS (SELECT 1 FROM measure m WHERE m.indicator_id = i.id AND m.territory_code = t.code AND m.kind = 'VA' AND m.state = 'published' AND m.date BETWEEN $3 AND $4) AS published,
       EXISTS (SELECT 1 FROM workflow_item w WHERE w.indicator_id = i.id AND w.territory_code = t.code AND w.state IN ('submitted', 'validated')
               AND w.payload ->> 'kind' = 'VA' AND (w.payload ->> 'date')::date BETWEEN $3 AND $4) AS awaiting
     FROM indicator i JOIN policy p ON p.id = i.policy_id CROSS JOIN territory t
     WHERE i.id = ANY($1::text[]) AND t.code = ANY($2::text[]) AND i.level_settings -> t.level ->> 'VA' = 'entered'
     ORDER BY t.code, i.id`,
    [campaign.indicatorIds, campaign.territoryCodes, campaign.periodStart, campaign.periodEnd],
  )) as { indicator_id: string; policy_id: string; policy_name: string; periodicity: string; availability_delay_days: number; code: string; name: string; last_date: string | null; published: boolean; awaiting: boolean }[];
  return rows.map((row) => ({
    indicatorId: row.indicator_id,
    policyId: row.policy_id,
    policyName: row.policy_name,
    territoryCode: row.code,
    territoryName: row.name,
    periodicity: row.periodicity,
    availabilityDelayDays: Number(row.availability_delay_days),
    lastDate: row.last_date,
    publishedInPeriod: row.published,
    awaitingValidation: row.awaiting,
  }));
}

export async function campaignBoard(db: EntityManager, campaign: Campaign, asOf: string): Promise<Board> {
  return buildBoard(await campaignCells(db, campaign), { asOf, deadline: campaign.deadline });
}

function auditable(c: Campaign): Record<string, unknown> {
  return { name: c.name, periodStart: c.periodStart, periodEnd: c.periodEnd, deadline: c.deadline, indicatorIds: c.indicatorIds, territoryCodes: c.territoryCodes, assigneeIds: c.assigneeIds, status: c.status };
}
