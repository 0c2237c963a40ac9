import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import { audit, type AuditActor } from '../audit/record-audit';

export interface RoadmapChoice {
  policyId: string;
  name: string;
  selected: boolean;
  localObjective: string | null;
}

const MAX_OBJECTIVE = 2000;
const bad = (message: string, field: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });

async function levelOf(db: EntityManager, territoryCode: string): Promise<string> {
  const rows = (await db.query(`SELECT level FROM territory WHERE code = $1`, [territoryCode])) as { level: string }[];
  if (!rows[0]) throw new GraphQLError(`Unknown territory "${territoryCode}".`, { extensions: { code: 'NOT_FOUND', field: 'territoryCode' } });
  return rows[0].level;
}

/** The published policies a territory may follow (those applying at its level), with what it chose. */
export async function listRoadmapChoices(db: EntityManager, territoryCode: string): Promise<RoadmapChoice[]> {
  const level = await levelOf(db, territoryCode);
  return (await db.query(
    `SELECT p.id AS "policyId", p.name, r.policy_id IS NOT NULL AS selected, r.local_objective AS "localObjective"
     FROM policy p LEFT JOIN roadmap_item r ON r.policy_id = p.id AND r.territory_code = $1
     WHERE p.status = 'published' AND $2 = ANY(p.levels)
     ORDER BY p.position, p.name`,
    [territoryCode, level],
  )) as RoadmapChoice[];
}

/**
 * Replaces a territory's roadmap with `items` in one transaction: every item is checked first
 * (a bad one is named by its index and changes nothing), then each addition, change and removal
 * is written and audited (old → new). Returns how many items changed.
 */
export async function setRoadmap(
  db: EntityManager,
  input: { territoryCode: string; items: { policyId: string; localObjective?: string | null }[] },
  actor: AuditActor,
): Promise<number> {
  const choices = new Map((await listRoadmapChoices(db, input.territoryCode)).map((choice) => [choice.policyId, choice]));
  const wanted = new Map<string, string | null>();
  input.items.forEach((item, index) => {
    const objective = item.localObjective?.trim() || null;
    if (!choices.has(item.policyId)) throw bad(`"${item.policyId}" is not a published policy this territory's level may follow.`, `items.${index}.policyId`);
    if (wanted.has(item.policyId)) throw bad(`"${item.policyId}" is listed twice.`, `items.${index}.policyId`);
    if (objective && objective.length > MAX_OBJECTIVE) throw bad(`A local objective is at most ${MAX_OBJECTIVE} characters (this one has ${objective.length}).`, `items.${index}.localObjective`);
    wanted.set(item.policyId, objective);
  });
  return db.transaction(async (manager) => {
    let changed = 0;
    const trace = (action: string, policyId: string, old: unknown, next: unknown) =>
      audit(manager, { actor, action, subjectType: 'roadmap_item', subjectId: `${input.territoryCode}:${policyId}`, old, new: next, territoryCode: input.territoryCode });
    for (const [policyId, choice] of choices) {
      const objective = wanted.get(policyId);
      if (objective === undefined) {
        if (!choice.selected) continue;
        await manager.query(`DELETE FROM roadmap_item WHERE territory_code = $1 AND policy_id = $2`, [input.territoryCode, policyId]);
        await trace('roadmap.removed', policyId, { localObjective: choice.localObjective }, undefined);
      } else if (!choice.selected) {
        await manager.query(`INSERT INTO roadmap_item (territory_code, policy_id, local_objective) VALUES ($1, $2, $3)`, [input.territoryCode, policyId, objective]);
        await trace('roadmap.selected', policyId, undefined, { localObjective: objective });
      } else if (choice.localObjective !== objective) {
        await manager.query(`UPDATE roadmap_item SET local_objective = $3 WHERE territory_code = $1 AND policy_id = $2`, [input.territoryCode, policyId, objective]);
        await trace('roadmap.updated', policyId, { localObjective: choice.localObjective }, { localObjective: objective });
      } else continue;
      changed += 1;
    }
    return changed;
  });
}
