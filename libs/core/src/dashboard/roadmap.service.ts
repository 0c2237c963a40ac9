import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import { audit, type AuditActor } from '../audit/record-audit';

/**
 * A territory's roadmap (feuille de route): the policies it chose to follow, each with a local
 * objective. Adding, changing and removing are audited (old → new).
 */
export async function selectRoadmapPolicy(
  db: EntityManager,
  input: { territoryCode: string; policyId: string; localObjective?: string | null },
  actor: AuditActor,
): Promise<void> {
  const objective = input.localObjective?.trim() || null;
  if (objective && objective.length > 2000) {
    throw new GraphQLError('A local objective is at most 2,000 characters.', { extensions: { code: 'BAD_USER_INPUT', field: 'localObjective' } });
  }
  const found = (await db.query(
    `SELECT (SELECT level FROM territory WHERE code = $1) AS level, (SELECT levels FROM policy WHERE id = $2 AND status = 'published') AS levels`,
    [input.territoryCode, input.policyId],
  )) as { level: string | null; levels: string[] | null }[];
  if (!found[0].level) throw new GraphQLError(`Unknown territory "${input.territoryCode}".`, { extensions: { code: 'NOT_FOUND', field: 'territoryCode' } });
  if (!found[0].levels) throw new GraphQLError(`No published policy "${input.policyId}".`, { extensions: { code: 'NOT_FOUND', field: 'policyId' } });
  if (!found[0].levels.includes(found[0].level)) {
    throw new GraphQLError(`This policy is not followed at the level ${found[0].level}.`, { extensions: { code: 'BAD_USER_INPUT', field: 'policyId' } });
  }
  await db.transaction(async (manager) => {
    const before = (await manager.query(`SELECT local_objective FROM roadmap_item WHERE territory_code = $1 AND policy_id = $2`, [input.territoryCode, input.policyId])) as {
      local_objective: string | null;
    }[];
    await manager.query(
      `INSERT INTO roadmap_item (territory_code, policy_id, local_objective) VALUES ($1, $2, $3)
       ON CONFLICT (territory_code, policy_id) DO UPDATE SET local_objective = EXCLUDED.local_objective`,
      [input.territoryCode, input.policyId, objective],
    );
    await audit(manager, {
      actor,
      action: before[0] ? 'roadmap.updated' : 'roadmap.selected',
      subjectType: 'roadmap_item',
      subjectId: `${input.territoryCode}:${input.policyId}`,
      old: before[0] ? { localObjective: before[0].local_objective } : undefined,
      new: { localObjective: objective },
      territoryCode: input.territoryCode,
    });
  });
}

export async function removeRoadmapPolicy(db: EntityManager, input: { territoryCode: string; policyId: string }, actor: AuditActor): Promise<boolean> {
  return db.transaction(async (manager) => {
    const removed = (await manager.query(`DELETE FROM roadmap_item WHERE territory_code = $1 AND policy_id = $2 RETURNING local_objective`, [input.territoryCode, input.policyId])) as {
      local_objective: string | null;
    }[];
    if (removed.length === 0) return false;
    await audit(manager, {
      actor, action: 'roadmap.removed', subjectType: 'roadmap_item', subjectId: `${input.territoryCode}:${input.policyId}`,
      old: { localObjective: removed[0].local_objective }, territoryCode: input.territoryCode,
    });
    return true;
  });
}
