import type { MeasureKind } from '@pilote/core';
import type { EntityManager } from 'typeorm';
import type { WorkflowState } from '../state/workflow-state';

export const SUBJECT_KINDS = ['measure', 'weather', 'comment', 'objective', 'decision'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export type NarrativeKind = Exclude<SubjectKind, 'measure'>;

export interface MeasurePayload {
  kind: MeasureKind;
  date: string;
  value: number;
}

export interface NarrativePayload {
  /** Météo level (weather items only). */
  weather?: string | null;
  /** Synthesis (weather), comment, objective or decision text. */
  body: string;
  /** Comment type, among the instance's commentTypes. */
  type?: string | null;
}

export type ItemPayload = MeasurePayload | NarrativePayload;

/** The rights subject (libs/auth) a kind of item belongs to. */
export const subjectOf = (kind: SubjectKind): 'Measure' | 'Narrative' => (kind === 'measure' ? 'Measure' : 'Narrative');

export interface WorkflowItem {
  id: string;
  subjectKind: SubjectKind;
  policyId: string;
  indicatorId: string | null;
  territoryCode: string;
  payload: ItemPayload;
  state: WorkflowState;
  authorId: string | null;
  authorName: string | null;
  reviewerId: string | null;
  reason: string | null;
  campaignId: string | null;
  source: string;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  publishedAt: Date | null;
}

interface ItemRow {
  id: string;
  subject_kind: SubjectKind;
  policy_id: string;
  indicator_id: string | null;
  territory_code: string;
  payload: ItemPayload;
  state: WorkflowState;
  author_id: string | null;
  author_name: string | null;
  reviewer_id: string | null;
  reason: string | null;
  campaign_id: string | null;
  source: string;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  decided_at: Date | null;
  published_at: Date | null;
}

export const ITEM_SELECT = `SELECT w.id, w.subject_kind, w.policy_id, w.indicator_id, w.territory_code, w.payload, w.state, w.author_id,
  nullif(trim(coalesce(u.given_name, '') || ' ' || coalesce(u.usual_name, '')), '') AS author_name,
  w.reviewer_id, w.reason, w.campaign_id, w.source, w.created_at, w.updated_at, w.submitted_at, w.decided_at, w.published_at
  FROM workflow_item w LEFT JOIN app_user u ON u.id = w.author_id`;

export function toItem(row: ItemRow): WorkflowItem {
  const payload = typeof row.payload === 'string' ? (JSON.parse(row.payload) as ItemPayload) : row.payload;
  return {
    id: row.id,
    subjectKind: row.subject_kind,
    policyId: row.policy_id,
    indicatorId: row.indicator_id,
    territoryCode: row.territory_code,
    payload,
    state: row.state,
    authorId: row.author_id,
    authorName: row.author_name,
    reviewerId: row.reviewer_id,
    reason: row.reason,
    campaignId: row.campaign_id,
    source: row.source,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    publishedAt: row.published_at,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The item, locked for this transaction (`FOR UPDATE`) so two reviewers cannot both decide it. */
export async function lockItem(db: EntityManager, id: string): Promise<WorkflowItem | null> {
  if (!UUID.test(id)) return null;
  const rows = (await db.query(`${ITEM_SELECT} WHERE w.id = $1 FOR UPDATE OF w`, [id])) as ItemRow[];
  return rows[0] ? toItem(rows[0]) : null;
}

export async function findItems(db: EntityManager, where: string, params: unknown[], orderBy = 'w.created_at'): Promise<WorkflowItem[]> {
  const rows = (await db.query(`${ITEM_SELECT} WHERE ${where} ORDER BY ${orderBy}`, params)) as ItemRow[];
  return rows.map(toItem);
}

export interface NewItem {
  subjectKind: SubjectKind;
  policyId: string;
  indicatorId: string | null;
  territoryCode: string;
  payload: ItemPayload;
  state: WorkflowState;
  authorId: string | null;
  campaignId?: string | null;
  source?: string;
}

export async function insertItem(db: EntityManager, item: NewItem): Promise<string> {
  const rows = (await db.query(
    `INSERT INTO workflow_item (subject_kind, policy_id, indicator_id, territory_code, payload, state, author_id, campaign_id, source, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $6 = 'submitted' THEN now() END) RETURNING id`,
    [item.subjectKind, item.policyId, item.indicatorId, item.territoryCode, JSON.stringify(item.payload), item.state, item.authorId, item.campaignId ?? null, item.source ?? 'entry'],
  )) as { id: string }[];
  return rows[0].id;
}
