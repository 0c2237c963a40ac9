import { type RequestIdentity, rootsCondition, territoryRoots } from '@pilote/auth';
import type { EntityManager } from 'typeorm';
import { findItems, type WorkflowItem } from './workflow-item';

/**
 * SQL keeping the items the identity may `action` (per subject: Measure for values, Narrative
 * for the rest); `$first` is the first free placeholder.
 */
function rightsCondition(identity: RequestIdentity, action: string, first: number): { sql: string; params: unknown[] } {
  const measure = rootsCondition(territoryRoots(identity.ability, action, 'Measure'), 'w.territory_code', first);
  const narrative = rootsCondition(territoryRoots(identity.ability, action, 'Narrative'), 'w.territory_code', first + measure.params.length);
  const canMeasure = identity.ability.can(action, 'Measure') ? measure.sql : 'FALSE';
  const canNarrative = identity.ability.can(action, 'Narrative') ? narrative.sql : 'FALSE';
  return { sql: `((w.subject_kind = 'measure' AND ${canMeasure}) OR (w.subject_kind <> 'measure' AND ${canNarrative}))`, params: [...measure.params, ...narrative.params] };
}

/** Items of a territory × policy the identity may read; drafts only to their author. */
export async function itemsAt(db: EntityManager, identity: RequestIdentity, territoryCode: string, policyId: string, states: string[] | null): Promise<WorkflowItem[]> {
  const rights = rightsCondition(identity, 'read', 4);
  return findItems(
    db,
    `w.territory_code = $1 AND w.policy_id = $2 AND (w.state <> 'draft' OR w.author_id = $3::uuid) AND ${rights.sql}
     ${states ? `AND w.state = ANY($${4 + rights.params.length}::text[])` : ''}`,
    [territoryCode, policyId, identity.userId, ...rights.params, ...(states ? [states] : [])],
    'w.updated_at DESC',
  );
}

/** What the identity can act on now: submitted items it may validate, validated ones it may publish. */
export async function itemsToReview(db: EntityManager, identity: RequestIdentity, limit = 200): Promise<WorkflowItem[]> {
  const validate = rightsCondition(identity, 'validate', 1);
  const publish = rightsCondition(identity, 'publish', 1 + validate.params.length);
  return findItems(
    db,
    `((w.state = 'submitted' AND ${validate.sql}) OR (w.state = 'validated' AND ${publish.sql}))`,
    [...validate.params, ...publish.params],
    `w.submitted_at, w.id LIMIT ${Math.min(Math.max(limit, 1), 500)}`,
  );
}

export async function myProposals(db: EntityManager, userId: string, limit = 200): Promise<WorkflowItem[]> {
  return findItems(db, 'w.author_id = $1::uuid', [userId], `w.updated_at DESC LIMIT ${Math.min(Math.max(limit, 1), 500)}`);
}
