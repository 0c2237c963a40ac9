import type { AppAbility } from './ability.types';

/**
 * The territory roots an ability may `action` a `subject` in: `null` means everywhere,
 * `[]` nowhere. Rules scoped to policies or taxonomies grant no territory here (conservative);
 * inverted rules are refused when a role is saved, so they cannot widen or narrow this silently.
 */
export function territoryRoots(ability: AppAbility, action: string, subject: string): string[] | null {
  const roots = new Set<string>();
  for (const rule of ability.rulesFor(action, subject)) {
    if (rule.inverted) continue;
    const conditions = rule.conditions as Record<string, unknown> | undefined;
    if (!conditions || Object.keys(conditions).length === 0) return null;
    const keys = Object.keys(conditions);
    const path = conditions.territoryPath as { $in?: unknown } | undefined;
    if (keys.length === 1 && path && Array.isArray(path.$in)) for (const code of path.$in) roots.add(String(code));
  }
  return [...roots].sort();
}
