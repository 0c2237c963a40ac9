import { audit } from '@pilote/auth';
import { ratesChanged, writeMeasures } from '@pilote/core';
import { closestRightHolders } from '../notifications/recipients';
import { createNotifications } from '../notifications/notification-store';
import { STEP_ACTION, transition, type WorkflowStep } from '../state/workflow-state';
import { checkNarrativeProposal, checkValueProposal, type NarrativeProposal, type ValueProposal } from './check-proposal';
import { describeItem, entryLink } from './describe-item';
import { actorFor, assertCanAt, type WorkflowCall } from './workflow-call';
import { conflict } from './workflow-errors';
import { findItems, insertItem, lockItem, type MeasurePayload, type NarrativePayload, subjectOf, type WorkflowItem } from './workflow-item';
import { forbidden } from '@pilote/auth';

export interface ProposeOptions {
  /** true: submit at once (the usual case); false: keep as a draft only its author sees. */
  submit: boolean;
  campaignId?: string | null;
  source?: string;
}

async function reload(call: WorkflowCall, id: string): Promise<WorkflowItem> {
  const [item] = await findItems(call.db, 'w.id = $1', [id]);
  return item;
}

/** A new value or target, as a draft or submitted to the validators of its territory. */
export async function proposeValue(call: WorkflowCall, input: ValueProposal, options: ProposeOptions): Promise<WorkflowItem> {
  const { policyId, payload } = await checkValueProposal(call.db, input);
  await assertCanAt(call, 'create', 'Measure', input.territoryCode, policyId);
  return create(call, { subjectKind: 'measure', policyId, indicatorId: input.indicatorId, territoryCode: input.territoryCode, payload }, options);
}

/** A météo + synthesis, comment, objective or decision for a policy in a territory. */
export async function proposeNarrative(call: WorkflowCall, input: NarrativeProposal, options: ProposeOptions): Promise<WorkflowItem> {
  const { kind, payload } = await checkNarrativeProposal(call.db, call.config, input);
  await assertCanAt(call, 'create', 'Narrative', input.territoryCode, input.policyId);
  return create(call, { subjectKind: kind, policyId: input.policyId, indicatorId: null, territoryCode: input.territoryCode, payload }, options);
}

async function create(
  call: WorkflowCall,
  item: Pick<WorkflowItem, 'subjectKind' | 'policyId' | 'indicatorId' | 'territoryCode' | 'payload'>,
  options: ProposeOptions,
): Promise<WorkflowItem> {
  const state = options.submit ? 'submitted' : 'draft';
  const id = await insertItem(call.db, { ...item, state, authorId: call.identity.userId, campaignId: options.campaignId, source: options.source });
  const created = await reload(call, id);
  await audit(call.db, { actor: actorFor(call), action: `workflow.${options.submit ? 'submitted' : 'drafted'}`, subjectType: 'WorkflowItem', subjectId: id, old: null, new: { state, ...snapshot(created) }, territoryCode: item.territoryCode });
  if (options.submit) await notifyValidators(call, created);
  return created;
}

/** Changes a draft or refused item's content (its author only); `submit` sends it for validation. */
export async function updateItem(call: WorkflowCall, id: string, input: { value?: number | null; date?: string | null; weather?: string | null; body?: string | null; type?: string | null }, submit: boolean): Promise<WorkflowItem> {
  const item = await lockItem(call.db, id);
  if (!item) throw forbidden('update', 'WorkflowItem');
  await assertCanAt(call, 'create', subjectOf(item.subjectKind), item.territoryCode, item.policyId);
  const step: WorkflowStep = submit ? 'submit' : 'save';
  const moved = transition({ from: item.state, step, byAuthor: item.authorId === call.identity.userId });
  if (!moved.ok) throw conflict(moved.code, moved.message);
  let payload = item.payload;
  if (item.subjectKind === 'measure') {
    const current = item.payload as MeasurePayload;
    payload = (await checkValueProposal(call.db, { indicatorId: item.indicatorId!, territoryCode: item.territoryCode, kind: current.kind, date: input.date ?? current.date, value: input.value ?? current.value })).payload;
  } else {
    const current = item.payload as NarrativePayload;
    payload = (await checkNarrativeProposal(call.db, call.config, { policyId: item.policyId, territoryCode: item.territoryCode, kind: item.subjectKind, weather: input.weather ?? current.weather, body: input.body ?? current.body, type: input.type ?? current.type })).payload;
  }
  await call.db.query(
    `UPDATE workflow_item SET payload = $2, state = $3, reason = CASE WHEN $3 = 'submitted' THEN NULL ELSE reason END, updated_at = now(),
       submitted_at = CASE WHEN $3 = 'submitted' THEN now() ELSE submitted_at END WHERE id = $1`,
    [id, JSON.stringify(payload), moved.state],
  );
  const updated = await reload(call, id);
  await audit(call.db, { actor: actorFor(call), action: `workflow.${submit ? 'submitted' : 'drafted'}`, subjectType: 'WorkflowItem', subjectId: id, old: { state: item.state, ...snapshot(item) }, new: { state: moved.state, ...snapshot(updated) }, territoryCode: item.territoryCode });
  if (submit) await notifyValidators(call, updated);
  return updated;
}

/** submit, validate, refuse or publish an item; rights are those of its subject in its territory. */
export async function moveItem(call: WorkflowCall, id: string, step: Exclude<WorkflowStep, 'save'>, reason?: string | null): Promise<WorkflowItem> {
  const item = await lockItem(call.db, id);
  if (!item) throw forbidden(STEP_ACTION[step], 'WorkflowItem');
  await assertCanAt(call, STEP_ACTION[step], subjectOf(item.subjectKind), item.territoryCode, item.policyId);
  const moved = transition({ from: item.state, step, reason, byAuthor: item.authorId === call.identity.userId, selfValidation: call.config.workflow.selfValidation });
  if (!moved.ok) throw conflict(moved.code, moved.message);
  const cleanReason = step === 'refuse' ? reason!.trim().slice(0, 2000) : null;
  let published: Record<string, unknown> | null = null;
  if (step === 'publish') published = await publish(call, item);
  await call.db.query(
    `UPDATE workflow_item SET state = $2, updated_at = now(),
       reason = CASE WHEN $2 = 'refused' THEN $3 ELSE reason END,
       reviewer_id = CASE WHEN $2 IN ('validated', 'refused') THEN $4::uuid ELSE reviewer_id END,
       decided_at = CASE WHEN $2 IN ('validated', 'refused') THEN now() ELSE decided_at END,
       submitted_at = CASE WHEN $2 = 'submitted' THEN now() ELSE submitted_at END,
       publisher_id = CASE WHEN $2 = 'published' THEN $4::uuid ELSE publisher_id END,
       published_at = CASE WHEN $2 = 'published' THEN now() ELSE published_at END
     WHERE id = $1`,
    [id, moved.state, cleanReason, call.identity.userId],
  );
  const updated = await reload(call, id);
  await audit(call.db, {
    actor: actorFor(call),
    action: `workflow.${moved.state}`,
    subjectType: 'WorkflowItem',
    subjectId: id,
    old: { state: item.state },
    new: { state: moved.state, ...(cleanReason ? { reason: cleanReason } : {}), ...(published ? { published } : {}) },
    territoryCode: item.territoryCode,
  });
  if (step === 'submit') await notifyValidators(call, updated);
  else if (updated.authorId && updated.authorId !== call.identity.userId) {
    const kind = step === 'validate' ? 'item.validated' : step === 'refuse' ? 'item.refused' : 'item.published';
    await createNotifications(call.db, call.outbox, { userIds: [updated.authorId], kind, params: await describeItem(call.db, updated), link: entryLink(updated) });
  }
  return updated;
}

/**
 * Makes the item official: a value goes through `writeMeasures` (state published, so every
 * dependent rate is refreshed in this transaction); a narrative becomes a published row.
 * Returns what the audit records as old → new.
 */
async function publish(call: WorkflowCall, item: WorkflowItem): Promise<Record<string, unknown>> {
  if (item.subjectKind === 'measure') {
    const payload = item.payload as MeasurePayload;
    const previous = (await call.db.query(
      `SELECT value FROM measure WHERE indicator_id = $1 AND territory_code = $2 AND kind = $3 AND date = $4 AND state = 'published' ORDER BY id DESC LIMIT 1`,
      [item.indicatorId, item.territoryCode, payload.kind, payload.date],
    )) as { value: number }[];
    await writeMeasures(call.db, [{ indicatorId: item.indicatorId!, territoryCode: item.territoryCode, date: payload.date, kind: payload.kind, value: payload.value }], {
      provenance: 'user',
      state: 'published',
      authorId: item.authorId ?? undefined,
      batchId: `workflow:${item.id}`,
      levelOrder: call.levelOrder,
      asOf: call.asOf,
    });
    await audit(call.db, {
      actor: actorFor(call),
      action: 'measure.published',
      subjectType: 'Measure',
      subjectId: `${item.indicatorId}|${item.territoryCode}|${payload.kind}|${payload.date}`,
      old: previous[0] ? { value: Number(previous[0].value) } : null,
      new: { value: payload.value, workflowItemId: item.id },
      territoryCode: item.territoryCode,
    });
    return { measure: { kind: payload.kind, date: payload.date, value: payload.value, previous: previous[0] ? Number(previous[0].value) : null } };
  }
  const payload = item.payload as NarrativePayload;
  const [row] = (await call.db.query(
    `INSERT INTO narrative (policy_id, territory_code, kind, type, weather, body, state, author_name, author_id, date)
     VALUES ($1, $2, $3, $4, $5, $6, 'published', $7, $8, $9) RETURNING id::text AS id`,
    [item.policyId, item.territoryCode, item.subjectKind, payload.type ?? null, payload.weather ?? null, payload.body, item.authorName, item.authorId, call.asOf],
  )) as { id: string }[];
  // A published météo may turn an alert's condition on or off (evaluated by a job, after commit).
  if (item.subjectKind === 'weather' && item.policyId) await ratesChanged(call.db, { policyIds: [item.policyId] });
  await audit(call.db, { actor: actorFor(call), action: 'narrative.published', subjectType: 'Narrative', subjectId: row.id, old: null, new: { kind: item.subjectKind, ...payload, workflowItemId: item.id }, territoryCode: item.territoryCode });
  return { narrativeId: row.id };
}

async function notifyValidators(call: WorkflowCall, item: WorkflowItem): Promise<void> {
  const userIds = await closestRightHolders(call.db, { action: 'validate', subject: subjectOf(item.subjectKind), territoryCode: item.territoryCode, policyId: item.policyId, exclude: [item.authorId] });
  await createNotifications(call.db, call.outbox, { userIds, kind: 'item.submitted', params: await describeItem(call.db, item), link: entryLink(item) });
}

function snapshot(item: WorkflowItem): Record<string, unknown> {
  return { subjectKind: item.subjectKind, policyId: item.policyId, indicatorId: item.indicatorId, payload: item.payload };
}
