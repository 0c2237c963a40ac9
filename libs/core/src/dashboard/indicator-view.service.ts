import { isOverdue, nextExpectedUpdate, type Periodicity } from '@pilote/engine';
import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import { type ReadScope, scopeSqlForPolicy } from '../access/request-scope';
import { explanationIds } from '../computation/explanation-ids';
import type { IndicatorType, PolicyType, RateType } from './dashboard.types';
import { findTerritory } from './home.service';
import { INDICATOR_COLUMNS } from './indicator-sql';
import type { IndicatorTerritoryRowType, IndicatorViewType } from './indicator-view.types';

interface StateRow {
  code: string; name: string; level: string;
  initial_value: number | null; initial_date: string | null; current_value: number | null; current_value_date: string | null; current_provenance: string | null;
  annual_target: number | null; annual_target_date: string | null; global_target: number | null; global_target_date: string | null;
  annual_rate: number | null; global_rate: number | null;
  annual_reason: string | null; global_reason: string | null; annual_reason_code: string | null; global_reason_code: string | null;
  annual_reason_params: string | null; global_reason_params: string | null;
}

const dated = (value: number | null, date: string | null, provenance: string | null = null) => (value === null || date === null ? null : { value, date, provenance });

/** A rate of the indicator at a territory; without a state there, the reason is that no value came yet. */
function rateOf(indicatorId: string, row: StateRow, kind: 'annual' | 'global', hasState: boolean): RateType {
  const value = kind === 'annual' ? row.annual_rate : row.global_rate;
  return {
    value,
    date: row.current_value_date,
    reason: hasState ? (kind === 'annual' ? row.annual_reason : row.global_reason) : 'No value in this territory yet.',
    reasonCode: hasState ? (kind === 'annual' ? row.annual_reason_code : row.global_reason_code) : 'no-value-yet',
    reasonParams: hasState ? (kind === 'annual' ? row.annual_reason_params : row.global_reason_params) : null,
    explanationId: explanationIds.indicatorRate(indicatorId, row.code, kind),
  };
}

/**
 * The indicator page: one indicator at one territory (values, targets, rates) and at each territory
 * just below it that the reader may see — the map and the table of the page. One statement reads
 * the territory and its children with their states (`indicator_state` is kept at write time).
 */
export async function buildIndicatorView(
  db: EntityManager, indicatorId: string, territoryCode: string, options: { asOf: string; levelOrder: string[]; scope?: ReadScope },
): Promise<IndicatorViewType> {
  const territory = await findTerritory(db, territoryCode);
  const indicators = (await db.query(`SELECT ${INDICATOR_COLUMNS} FROM indicator WHERE id = $1`, [indicatorId])) as IndicatorType[];
  const indicator = indicators[0];
  if (!indicator) throw new GraphQLError(`Unknown indicator "${indicatorId}".`, { extensions: { code: 'NOT_FOUND', field: 'indicatorId' } });
  const policies = (await db.query(`SELECT id, code, name, kind, status, description, owners, levels FROM policy WHERE id = $1`, [indicator.policyId])) as PolicyType[];
  const policy = policies[0];
  if (!policy.levels.includes(territory.level)) {
    throw new GraphQLError(`This indicator is not followed at the level of ${territory.name}.`, { extensions: { code: 'NOT_FOUND', field: 'territoryCode' } });
  }
  const rank = options.levelOrder.indexOf(territory.level);
  const below = rank < 0 ? null : options.levelOrder[rank + 1] ?? null;
  // Below a level the policy does not follow, its territories have no value: no map, no table.
  const childLevel = below && policy.levels.includes(below) ? below : null;
  // The territories below in the reader's scope for this indicator's policy (a right limited to
  // policies sees them where that policy is theirs).
  const inScope = scopeSqlForPolicy(options.scope, 't.code', '(SELECT ip.policy_id FROM indicator ip WHERE ip.id = $1)', 4);
  const rows = (await db.query(
    `SELECT t.code, t.name, t.level, s.initial_value, to_char(s.initial_date, 'YYYY-MM-DD') AS initial_date, s.current_value,
            to_char(s.current_value_date, 'YYYY-MM-DD') AS current_value_date, s.current_provenance, s.annual_target,
            to_char(s.annual_target_date, 'YYYY-MM-DD') AS annual_target_date, s.global_target, to_char(s.global_target_date, 'YYYY-MM-DD') AS global_target_date,
            s.annual_rate, s.global_rate,
            s.annual_explanation->>'reason' AS annual_reason, s.global_explanation->>'reason' AS global_reason,
            s.annual_explanation->>'reasonCode' AS annual_reason_code, s.global_explanation->>'reasonCode' AS global_reason_code,
            s.annual_explanation->>'reasonParams' AS annual_reason_params, s.global_explanation->>'reasonParams' AS global_reason_params,
            s.indicator_id IS NOT NULL AS has_state
     FROM territory t LEFT JOIN indicator_state s ON s.indicator_id = $1 AND s.territory_code = t.code
     WHERE t.code = $2 OR ($3::text IS NOT NULL AND t.parent_code = $2 AND t.level = $3${inScope.sql})
     ORDER BY t.code <> $2, t.code`,
    [indicatorId, territoryCode, childLevel, ...inScope.params],
  )) as (StateRow & { has_state: boolean })[];
  const own = rows.find((r) => r.code === territoryCode) as StateRow & { has_state: boolean };
  const next = own.current_value_date
    ? nextExpectedUpdate({ lastDate: own.current_value_date, periodicity: indicator.periodicity as Periodicity, availabilityDelayDays: indicator.availabilityDelayDays })
    : null;
  const territories: IndicatorTerritoryRowType[] = rows
    .filter((r) => r.code !== territoryCode)
    .map((r) => ({
      code: r.code, name: r.name, level: r.level,
      current: dated(r.current_value, r.current_value_date, r.current_provenance),
      globalRate: rateOf(indicatorId, r, 'global', r.has_state),
      annualRate: rateOf(indicatorId, r, 'annual', r.has_state),
    }));
  return {
    indicator,
    policy,
    territory,
    weight: indicator.levelSettings?.[territory.level]?.weight ?? null,
    initial: dated(own.initial_value, own.initial_date),
    current: dated(own.current_value, own.current_value_date, own.current_provenance),
    annualTarget: dated(own.annual_target, own.annual_target_date),
    globalTarget: dated(own.global_target, own.global_target_date),
    globalRate: rateOf(indicatorId, own, 'global', own.has_state),
    annualRate: rateOf(indicatorId, own, 'annual', own.has_state),
    nextExpectedUpdate: next,
    overdue: next ? isOverdue(next, options.asOf) : false,
    childLevel,
    territories,
  };
}
