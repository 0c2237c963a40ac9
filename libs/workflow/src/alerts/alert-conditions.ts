import type { EntityManager } from 'typeorm';
import type { AlertKind } from './alert-subscription-store';

export interface SubscriptionRow {
  id: string;
  user_id: string;
  kind: AlertKind;
  policy_id: string;
  indicator_id: string | null;
  territory_code: string;
  weather: string | null;
  threshold: number | null;
  firing: boolean;
}

/** Whether the condition holds now, and the numbers the message quotes. */
export interface ConditionState {
  holds: boolean;
  rate: number | null;
  expected: number | null;
}

/**
 * The subscription's condition on the published state:
 * - policy-weather: the latest published météo of the policy there is the chosen one;
 * - policy-trajectory: the policy's global rate is below the straight line from 0 % at the
 *   earliest initial value's date to 100 % at the latest final target's date, read at the date
 *   of its latest value (ADR 041);
 * - indicator-rate: the indicator's global rate there is below the threshold.
 * An unknown rate never holds (no alert on missing data).
 */
export async function conditionOf(db: EntityManager, s: SubscriptionRow): Promise<ConditionState> {
  if (s.kind === 'policy-weather') {
    const [w] = (await db.query(
      `SELECT weather FROM narrative WHERE policy_id = $1 AND territory_code = $2 AND kind = 'weather' AND state = 'published' ORDER BY date DESC, id DESC LIMIT 1`,
      [s.policy_id, s.territory_code],
    )) as { weather: string | null }[];
    return { holds: w?.weather === s.weather, rate: null, expected: null };
  }
  if (s.kind === 'indicator-rate') {
    const [r] = (await db.query(`SELECT global_rate FROM indicator_state WHERE indicator_id = $1 AND territory_code = $2`, [s.indicator_id, s.territory_code])) as { global_rate: number | null }[];
    const rate = r?.global_rate === null || r?.global_rate === undefined ? null : Number(r.global_rate);
    return { holds: rate !== null && rate < Number(s.threshold), rate, expected: Number(s.threshold) };
  }
  const [r] = (await db.query(
    `SELECT ps.global_rate,
            CASE WHEN max(st.global_target_date) > min(st.initial_date)
              THEN 100 * greatest(0, least(1, (ps.rate_date - min(st.initial_date))::float8 / (max(st.global_target_date) - min(st.initial_date)))) END AS expected
     FROM policy_state ps JOIN indicator i ON i.policy_id = ps.policy_id
     JOIN indicator_state st ON st.indicator_id = i.id AND st.territory_code = ps.territory_code
     WHERE ps.policy_id = $1 AND ps.territory_code = $2
     GROUP BY ps.global_rate, ps.rate_date`,
    [s.policy_id, s.territory_code],
  )) as { global_rate: number | null; expected: number | null }[];
  const rate = r?.global_rate === null || r?.global_rate === undefined ? null : Number(r.global_rate);
  const expected = r?.expected === null || r?.expected === undefined ? null : Number(r.expected);
  return { holds: rate !== null && expected !== null && rate < expected, rate, expected };
}
