import type { EntityManager } from 'typeorm';
import type { IndicatorType } from './dashboard.types';

export const INDICATOR_COLUMNS = `id, policy_id AS "policyId", name, type, unit, direction, source, method, description, periodicity,
  availability_delay_days AS "availabilityDelayDays", level_settings AS "levelSettings"`;

export async function selectIndicatorsOfPolicies(db: EntityManager, policyIds: readonly string[]): Promise<IndicatorType[]> {
  return (await db.query(`SELECT ${INDICATOR_COLUMNS} FROM indicator WHERE policy_id = ANY($1::text[]) AND status = 'active' ORDER BY position, id`, [policyIds])) as IndicatorType[];
}
