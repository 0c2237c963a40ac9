import type { PolicyCell } from '@pilote/core';
import type { EntityManager } from 'typeorm';
import type { AppAbility } from './ability.types';

/** A rule limited to policies or taxonomies, as read from its conditions (before taxonomies are resolved). */
export interface RawPolicyCell {
  roots: string[] | null;
  policyIds: string[] | null;
  taxonomyIds: string[] | null;
}

const CELL_KEYS = new Set(['territoryPath', 'policyId', 'taxonomyIds']);

/** The `$in` list of one condition, or undefined when it has any other shape. */
function inList(condition: unknown): string[] | undefined {
  if (!condition || typeof condition !== 'object') return undefined;
  const keys = Object.keys(condition);
  const list = (condition as { $in?: unknown }).$in;
  return keys.length === 1 && Array.isArray(list) ? list.map(String) : undefined;
}

/**
 * The rules of an ability that `territoryRoots` leaves out because they name policies or
 * taxonomies (ADR 037): each one a cell "these policies (or the policies of these taxonomies) in
 * these subtrees". Fail closed: a rule with any other condition, or a condition of another shape,
 * gives no cell (it reads nothing through the cells); inverted rules are refused when a role is saved.
 */
export function rawPolicyCells(ability: AppAbility, action: string, subject: string): RawPolicyCell[] {
  const cells: RawPolicyCell[] = [];
  for (const rule of ability.rulesFor(action, subject)) {
    if (rule.inverted || rule.fields !== undefined) continue;
    const conditions = rule.conditions as Record<string, unknown> | undefined;
    if (!conditions) continue;
    const keys = Object.keys(conditions);
    if (!keys.every((key) => CELL_KEYS.has(key))) continue;
    if (!('policyId' in conditions) && !('taxonomyIds' in conditions)) continue;
    const roots = 'territoryPath' in conditions ? inList(conditions.territoryPath) : null;
    const policyIds = 'policyId' in conditions ? inList(conditions.policyId) : null;
    const taxonomyIds = 'taxonomyIds' in conditions ? inList(conditions.taxonomyIds) : null;
    if (roots === undefined || policyIds === undefined || taxonomyIds === undefined) continue;
    cells.push({ roots, policyIds, taxonomyIds });
  }
  return cells;
}

/**
 * The policy cells of an ability for the read scope: taxonomies resolved to the policies that
 * carry them (`policy_taxonomy`, as the guard checks a policy's taxonomies), intersected with the
 * policies a combined rule also names. One statement, only when a rule names taxonomies.
 */
export async function policyCells(db: EntityManager, ability: AppAbility, action: string, subject: string): Promise<PolicyCell[]> {
  const raw = rawPolicyCells(ability, action, subject);
  const taxonomies = [...new Set(raw.flatMap((cell) => cell.taxonomyIds ?? []))];
  const byTaxonomy = new Map<string, string[]>();
  if (taxonomies.length) {
    const rows = (await db.query(`SELECT taxonomy_id, policy_id FROM policy_taxonomy WHERE taxonomy_id = ANY($1::text[]) ORDER BY policy_id`, [taxonomies])) as { taxonomy_id: string; policy_id: string }[];
    for (const row of rows) byTaxonomy.set(row.taxonomy_id, [...(byTaxonomy.get(row.taxonomy_id) ?? []), row.policy_id]);
  }
  const cells: PolicyCell[] = [];
  for (const cell of raw) {
    let ids = cell.policyIds ?? null;
    if (cell.taxonomyIds) {
      const ofTaxonomies = new Set(cell.taxonomyIds.flatMap((id) => byTaxonomy.get(id) ?? []));
      ids = ids === null ? [...ofTaxonomies] : ids.filter((id) => ofTaxonomies.has(id));
    }
    const policyIds = [...new Set(ids ?? [])].sort();
    if (policyIds.length && (cell.roots === null || cell.roots.length)) cells.push({ roots: cell.roots === null ? null : [...new Set(cell.roots)].sort(), policyIds });
  }
  return cells;
}
