import type { EntityManager } from 'typeorm';
import type { IndicatorMeta } from './computation.types';

export async function readIndicatorMeta(manager: EntityManager, filter: { indicatorIds?: string[]; policyIds?: string[] } = {}): Promise<IndicatorMeta[]> {
  const rows = (await manager.query(
    `SELECT id, policy_id, name, direction, unit, periodicity, level_settings, applicable_in FROM indicator
     WHERE status = 'active' AND ($1::text[] IS NULL OR id = ANY($1::text[])) AND ($2::text[] IS NULL OR policy_id = ANY($2::text[]))`,
    [filter.indicatorIds ?? null, filter.policyIds ?? null],
  )) as { id: string; policy_id: string; name: string; direction: IndicatorMeta['direction']; unit: string; periodicity: string; level_settings: IndicatorMeta['levels']; applicable_in: string[] | null }[];
  return rows.map((row) => ({ id: row.id, policyId: row.policy_id, name: row.name, direction: row.direction, unit: row.unit, periodicity: row.periodicity, levels: row.level_settings, applicableIn: row.applicable_in }));
}
