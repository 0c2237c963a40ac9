import { assertCan, audit, AuthError, forbidden, type RequestIdentity, rootsCondition, territoryPath, territoryRoots } from '@pilote/auth';
import type { EntityManager } from 'typeorm';
import { isIsoDate } from '../items/check-proposal';
import { actorFor, type WorkflowCall } from '../items/workflow-call';
import { invalid } from '../items/workflow-errors';
import { createNotifications } from '../notifications/notification-store';
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
  /** Holders of these roles in the campaign's territories (or below) are assigned too. */
  assigneeRoles?: string[];
}

const MAX_LIST = 2000;

/** Bad input with a reason code the page translates (`campaign.errors.<code>`), naming its field. */
const refused = (code: string, field: string, message: string) => new AuthError(400, code, message, field);

async function missing(db: EntityManager, table: string, column: string, values: string[]): Promise<string[]> {
  const rows = (await db.query(`SELECT v FROM unnest($1::text[]) AS v WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE ${column} = v)`, [values])) as { v: string }[];
  return rows.map((row) => row.v);
}

/** Active holders of a live assignment of one of the roles whose territory is one of the codes or below them. */
async function roleHolders(db: EntityManager, roles: string[], territoryCodes: string[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = (await db.query(
    `SELECT DISTINCT a.user_id::text AS id FROM assignment a JOIN app_user u ON u.id = a.user_id
     WHERE a.revoked_at IS NULL AND u.status = 'active' AND a.role_id = ANY($1::text[]) AND a.scope_kind = 'territory'
       AND EXISTS (SELECT 1 FROM territory_ancestor ta WHERE ta.territory_code = a.scope_territory_code AND ta.ancestor_code = ANY($2::text[]))
     ORDER BY 1`,
    [roles, territoryCodes],
  )) as { id: string }[];
  return rows.map((row) => row.id);
}

/**
 * Checks a campaign's fields (each error names its field) and returns the assignees' ids.
 * `current` is the campaign being edited: its own name is not a duplicate, and an unchanged
 * deadline may be in the past (a late campaign can still be renamed or closed).
 */
async function checkInput(call: WorkflowCall, input: CampaignInput, current: Campaign | null): Promise<string[]> {
  if (!input.name.trim()) throw invalid('name', 'Give the campaign a name.');
  if (input.name.trim().length > 200) throw invalid('name', 'At most 200 characters.');
  for (const field of ['periodStart', 'periodEnd', 'deadline'] as const) {
    if (!isIsoDate(input[field])) throw invalid(field, `"${input[field]}" is not a date (expected YYYY-MM-DD).`);
  }
  if (input.periodEnd < input.periodStart) throw refused('PERIOD_REVERSED', 'periodEnd', 'The period ends before it starts.');
  if ((!current || current.deadline !== input.deadline) && input.deadline < call.asOf) {
    throw refused('DEADLINE_PAST', 'deadline', `The deadline ${input.deadline} is in the past (today is ${call.asOf}).`);
  }
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
  // Two campaigns of the same name would be told apart by nobody: one lock for every name check.
  await call.db.query(`SELECT pg_advisory_xact_lock(hashtext('entry_campaign.name'))`);
  const same = (await call.db.query(`SELECT 1 FROM entry_campaign WHERE lower(name) = lower($1) AND id <> coalesce($2::uuid, '00000000-0000-0000-0000-000000000000'::uuid)`, [
    input.name.trim(),
    current?.id ?? null,
  ])) as unknown[];
  if (same.length > 0) throw refused('CAMPAIGN_NAME_TAKEN', 'name', `A campaign named "${input.name.trim()}" already exists.`);
  const roles = [...new Set(input.assigneeRoles ?? [])];
  const unknownRoles = await missing(call.db, 'role', 'id', roles);
  if (unknownRoles.length > 0 || roles.includes('public')) throw invalid('assigneeRoles', `Unknown role(s): ${[...unknownRoles, ...roles.filter((r) => r === 'public')].join(', ')}.`);
  const emails = [...new Set(input.assigneeEmails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const users = (await call.db.query(`SELECT id::text AS id, email FROM app_user WHERE email = ANY($1::text[])`, [emails])) as { id: string; email: string }[];
  const unknownEmails = emails.filter((email) => !users.some((u) => u.email === email));
  if (unknownEmails.length > 0) throw refused('UNKNOWN_ACCOUNTS', 'assigneeEmails', `No account for: ${unknownEmails.join(', ')}.`);
  return [...new Set([...users.map((u) => u.id), ...(await roleHolders(call.db, roles, input.territoryCodes))])];
}

/** Tells people newly assigned to an open campaign (in the app, and by e-mail through the outbox). */
async function notifyAssigned(call: WorkflowCall, campaign: Campaign, before: readonly string[]): Promise<void> {
  if (campaign.status !== 'open') return;
  const added = campaign.assigneeIds.filter((id) => !before.includes(id) && id !== call.identity.userId);
  await createNotifications(call.db, call.outbox, {
    userIds: added,
    kind: 'campaign.assigned',
    params: { campaignId: campaign.id, campaign: campaign.name, deadline: campaign.deadline, periodStart: campaign.periodStart, periodEnd: campaign.periodEnd },
    link: `/campaigns/${campaign.id}`,
    dedupeKey: `assigned:${campaign.id}`,
  });
}

export async function createCampaign(call: WorkflowCall, input: CampaignInput): Promise<Campaign> {
  assertCan(call.identity, 'create', 'Campaign');
  const assigneeIds = await checkInput(call, input, null);
  const [row] = (await call.db.query(
    `INSERT INTO entry_campaign (name, period_start, period_end, deadline, indicator_ids, territory_codes, assignee_ids, assignee_roles, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8, $9) RETURNING id`,
    [input.name.trim(), input.periodStart, input.periodEnd, input.deadline, [...new Set(input.indicatorIds)], [...new Set(input.territoryCodes)], assigneeIds, [...new Set(input.assigneeRoles ?? [])], call.identity.userId],
  )) as { id: string }[];
  const campaign = (await findCampaign(call.db, row.id))!;
  await audit(call.db, { actor: actorFor(call), action: 'campaign.created', subjectType: 'Campaign', subjectId: campaign.id, old: null, new: auditable(campaign) });
  await notifyAssigned(call, campaign, []);
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
    // E-mails typed in stay; role holders are resolved anew (people gain and lose roles).
    assigneeEmails: input.assigneeEmails ?? (await listedAssigneeEmails(call.db, current)),
    assigneeRoles: input.assigneeRoles ?? current.assigneeRoles,
  };
  const assigneeIds = await checkInput(call, merged, current);
  await call.db.query(
    `UPDATE entry_campaign SET name = $2, period_start = $3, period_end = $4, deadline = $5, indicator_ids = $6, territory_codes = $7,
       assignee_ids = $8::uuid[], assignee_roles = $9, status = coalesce($10, status), updated_at = now() WHERE id = $1`,
    [id, merged.name.trim(), merged.periodStart, merged.periodEnd, merged.deadline, [...new Set(merged.indicatorIds)], [...new Set(merged.territoryCodes)], assigneeIds, [...new Set(merged.assigneeRoles ?? [])], input.status ?? null],
  );
  const updated = (await findCampaign(call.db, id))!;
  await audit(call.db, { actor: actorFor(call), action: input.status === 'closed' && current.status === 'open' ? 'campaign.closed' : 'campaign.updated', subjectType: 'Campaign', subjectId: id, old: auditable(current), new: auditable(updated) });
  await notifyAssigned(call, updated, current.assigneeIds);
  return updated;
}

/** The assignees' e-mails that no listed role explains (those someone typed in). */
export async function listedAssigneeEmails(db: EntityManager, campaign: Campaign): Promise<string[]> {
  const byRole = new Set(await roleHolders(db, campaign.assigneeRoles, campaign.territoryCodes));
  const rows = (await db.query(`SELECT id::text AS id, email FROM app_user WHERE id = ANY($1::uuid[]) ORDER BY email`, [campaign.assigneeIds])) as { id: string; email: string }[];
  return rows.filter((row) => !byRole.has(row.id)).map((row) => row.email);
}

/** Whether the identity may act on the campaign: in scope for every territory of it, or its creator. */
export async function canOnCampaign(db: EntityManager, identity: RequestIdentity, action: string, campaign: Campaign): Promise<boolean> {
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

/**
 * Expected values of a campaign: each indicator at each listed territory where its current value
 * is entered; where it is not (a région for an indicator entered by département), at the nearest
 * territories below it where it is (the région's départements, or further down).
 */
export async function campaignCells(db: EntityManager, campaign: Pick<Campaign, 'indicatorIds' | 'territoryCodes' | 'periodStart' | 'periodEnd'>): Promise<BoardCell[]> {
  const rows = (await db.query(
    `WITH target AS (
       SELECT DISTINCT i.id AS indicator_id, t.code
       FROM indicator i CROSS JOIN unnest($2::text[]) AS listed(code)
       JOIN territory_ancestor ta ON ta.ancestor_code = listed.code
       JOIN territory t ON t.code = ta.territory_code
       WHERE i.id = ANY($1::text[]) AND i.level_settings -> t.level ->> 'VA' = 'entered'
         -- nearest only: nothing between the listed territory and this one enters it
         AND NOT EXISTS (SELECT 1 FROM territory_ancestor tb JOIN territory u ON u.code = tb.ancestor_code
                         WHERE tb.territory_code = t.code AND tb.depth BETWEEN 1 AND ta.depth AND i.level_settings -> u.level ->> 'VA' = 'entered')
     )
     SELECT i.id AS indicator_id, i.name AS indicator_name, i.policy_id, p.name AS policy_name, i.periodicity, i.availability_delay_days, t.code, t.name,
       (SELECT to_char(max(m.date), 'YYYY-MM-DD') FROM measure m WHERE m.indicator_id = i.id AND m.territory_code = t.code AND m.kind = 'VA' AND m.state = 'published') AS last_date,
       EXISTS (SELECT 1 FROM measure m WHERE m.indicator_id = i.id AND m.territory_code = t.code AND m.kind = 'VA' AND m.state = 'published' AND m.date BETWEEN $3 AND $4) AS published,
       EXISTS (SELECT 1 FROM workflow_item w WHERE w.indicator_id = i.id AND w.territory_code = t.code AND w.state IN ('submitted', 'validated')
               AND w.payload ->> 'kind' = 'VA' AND (w.payload ->> 'date')::date BETWEEN $3 AND $4) AS awaiting
     FROM target JOIN indicator i ON i.id = target.indicator_id JOIN policy p ON p.id = i.policy_id JOIN territory t ON t.code = target.code
     ORDER BY t.code, i.id`,
    [campaign.indicatorIds, campaign.territoryCodes, campaign.periodStart, campaign.periodEnd],
  )) as { indicator_id: string; indicator_name: string; policy_id: string; policy_name: string; periodicity: string; availability_delay_days: number; code: string; name: string; last_date: string | null; published: boolean; awaiting: boolean }[];
  return rows.map((row) => ({
    indicatorId: row.indicator_id,
    indicatorName: row.indicator_name,
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
  return { name: c.name, periodStart: c.periodStart, periodEnd: c.periodEnd, deadline: c.deadline, indicatorIds: c.indicatorIds, territoryCodes: c.territoryCodes, assigneeIds: c.assigneeIds, assigneeRoles: c.assigneeRoles, status: c.status };
}

/** Queues one reminder of an open campaign to its assignees, through the job queue (sent at once, once a day at most). */
export async function queueReminder(call: WorkflowCall, id: string, enqueue: (db: EntityManager, data: { campaignId: string }) => Promise<unknown>): Promise<Campaign> {
  const campaign = await findCampaign(call.db, id, true);
  if (!campaign || !(await canOnCampaign(call.db, call.identity, 'update', campaign))) throw forbidden('update', 'Campaign');
  if (campaign.status !== 'open') throw refused('CAMPAIGN_CLOSED', 'status', 'The campaign is closed: nobody is reminded.');
  if (campaign.deadline < call.asOf) throw refused('DEADLINE_PAST', 'deadline', `The deadline ${campaign.deadline} is past: move it before reminding.`);
  if (campaign.assigneeIds.length === 0) throw refused('NO_ASSIGNEES', 'assigneeEmails', 'The campaign has nobody assigned to remind.');
  await enqueue(call.db, { campaignId: campaign.id });
  await audit(call.db, { actor: actorFor(call), action: 'campaign.reminder-queued', subjectType: 'Campaign', subjectId: id, old: null, new: { assignees: campaign.assigneeIds.length } });
  return campaign;
}

/** Indicators (with the levels where their current value is entered) and assignable roles, for the campaign form. */
export async function campaignFormOptions(db: EntityManager): Promise<{
  indicators: { id: string; name: string; policyId: string; policyName: string; enteredLevels: string[] }[];
  roles: { id: string; fr: string; en: string }[];
}> {
  const indicators = (await db.query(
    `SELECT i.id, i.name, i.policy_id AS "policyId", p.name AS "policyName",
       coalesce(ARRAY(SELECT key FROM jsonb_each(i.level_settings) WHERE value ->> 'VA' = 'entered' ORDER BY key), '{}') AS "enteredLevels"
     FROM indicator i JOIN policy p ON p.id = i.policy_id WHERE p.status <> 'archived' ORDER BY p.position, p.id, i.id`,
  )) as { id: string; name: string; policyId: string; policyName: string; enteredLevels: string[] }[];
  const roles = (await db.query(`SELECT id, label ->> 'fr' AS fr, coalesce(label ->> 'en', label ->> 'fr') AS en FROM role WHERE id <> 'public' ORDER BY rank DESC, id`)) as { id: string; fr: string | null; en: string | null }[];
  return { indicators, roles: roles.map((r) => ({ id: r.id, fr: r.fr ?? r.id, en: r.en ?? r.id })) };
}
