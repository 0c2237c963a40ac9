import type { Assignment } from './fetchMe';

/**
 * The one territory a user's rights are bound to (a départemental préfet's département, an agent's
 * Ain, the reader of one policy in Finistère), where the dashboard and data entry open; null when a
 * right reaches everywhere or is bound to policies rather than places (national readers land on
 * the national view), or when rights sit on several territories (no single place to prefer).
 */
export function scopeTerritoryCode(assignments: readonly Assignment[]): string | null {
  const placed = (a: Assignment) => (a.scope.kind === 'territory' || a.scope.kind === 'combined') && Boolean(a.scope.territoryCode);
  if (assignments.length === 0 || !assignments.every(placed)) return null;
  const codes = new Set(assignments.map((a) => a.scope.territoryCode));
  return codes.size === 1 ? (assignments[0].scope.territoryCode as string) : null;
}
