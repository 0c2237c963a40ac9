import type { EntityManager } from 'typeorm';
import { invalid } from '../items/workflow-errors';
import { returningRows } from '../sql/returning-rows';

export const ALERT_KINDS = ['policy-weather', 'policy-trajectory', 'indicator-rate'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_WEATHERS = ['SUNNY', 'CLOUDY', 'RAINY', 'STORMY'] as const;

export interface AlertSubscriptionInput {
  kind: string;
  policyId?: string | null;
  indicatorId?: string | null;
  territoryCode: string;
  weather?: string | null;
  threshold?: number | null;
}

export interface AlertSubscription {
  id: string;
  kind: AlertKind;
  policyId: string;
  policyName: string;
  indicatorId: string | null;
  indicatorName: string | null;
  territoryCode: string;
  territoryName: string;
  weather: string | null;
  threshold: number | null;
  firing: boolean;
  lastFiredAt: Date | null;
  createdAt: Date;
}

/** Checks the input, naming the field at fault; returns the row to insert (the indicator's policy is looked up). */
export async function checkSubscription(db: EntityManager, input: AlertSubscriptionInput): Promise<{ kind: AlertKind; policyId: string; indicatorId: string | null; territoryCode: string; weather: string | null; threshold: number | null }> {
  if (!(ALERT_KINDS as readonly string[]).includes(input.kind)) throw invalid('kind', `Unknown kind of alert "${input.kind}": expected ${ALERT_KINDS.join(', ')}.`);
  const kind = input.kind as AlertKind;
  const [territory] = (await db.query(`SELECT code FROM territory WHERE code = $1`, [input.territoryCode])) as unknown[];
  if (!territory) throw invalid('territoryCode', `No territory "${input.territoryCode}".`);
  if (kind === 'indicator-rate') {
    const [indicator] = (await db.query(`SELECT policy_id FROM indicator WHERE id = $1`, [input.indicatorId ?? ''])) as { policy_id: string }[];
    if (!indicator) throw invalid('indicatorId', `No indicator "${input.indicatorId ?? ''}".`);
    const threshold = input.threshold;
    if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0 || threshold > 100) throw invalid('threshold', 'The threshold is a rate between 0 and 100 (%).');
    return { kind, policyId: indicator.policy_id, indicatorId: input.indicatorId!, territoryCode: input.territoryCode, weather: null, threshold };
  }
  const [policy] = (await db.query(`SELECT id FROM policy WHERE id = $1`, [input.policyId ?? ''])) as unknown[];
  if (!policy) throw invalid('policyId', `No policy "${input.policyId ?? ''}".`);
  if (kind === 'policy-weather' && !(ALERT_WEATHERS as readonly string[]).includes(input.weather ?? '')) {
    throw invalid('weather', `Unknown météo "${input.weather ?? ''}": expected ${ALERT_WEATHERS.join(', ')}.`);
  }
  return { kind, policyId: input.policyId!, indicatorId: null, territoryCode: input.territoryCode, weather: kind === 'policy-weather' ? input.weather! : null, threshold: null };
}

const SELECT = `SELECT s.id, s.kind, s.policy_id, p.name AS policy_name, s.indicator_id, i.name AS indicator_name, s.territory_code, t.name AS territory_name,
         s.weather, s.threshold, s.firing, s.last_fired_at, s.created_at
  FROM alert_subscription s JOIN policy p ON p.id = s.policy_id JOIN territory t ON t.code = s.territory_code LEFT JOIN indicator i ON i.id = s.indicator_id`;

interface Row {
  id: string; kind: AlertKind; policy_id: string; policy_name: string; indicator_id: string | null; indicator_name: string | null;
  territory_code: string; territory_name: string; weather: string | null; threshold: number | null; firing: boolean; last_fired_at: Date | null; created_at: Date;
}

const toSubscription = (r: Row): AlertSubscription => ({
  id: r.id, kind: r.kind, policyId: r.policy_id, policyName: r.policy_name, indicatorId: r.indicator_id, indicatorName: r.indicator_name,
  territoryCode: r.territory_code, territoryName: r.territory_name, weather: r.weather, threshold: r.threshold === null ? null : Number(r.threshold),
  firing: r.firing, lastFiredAt: r.last_fired_at, createdAt: r.created_at,
});

export async function listSubscriptions(db: EntityManager, userId: string): Promise<AlertSubscription[]> {
  return ((await db.query(`${SELECT} WHERE s.user_id = $1 ORDER BY s.created_at, s.id`, [userId])) as Row[]).map(toSubscription);
}

/** Subscribes (the same subscription twice is kept once); the condition is taken as not holding until the next evaluation. */
export async function createSubscription(db: EntityManager, userId: string, row: Awaited<ReturnType<typeof checkSubscription>>): Promise<AlertSubscription> {
  const [existing] = (await db.query(
    `SELECT id FROM alert_subscription WHERE user_id = $1 AND kind = $2 AND policy_id = $3 AND indicator_id IS NOT DISTINCT FROM $4 AND territory_code = $5
       AND weather IS NOT DISTINCT FROM $6 AND threshold IS NOT DISTINCT FROM $7::float8`,
    [userId, row.kind, row.policyId, row.indicatorId, row.territoryCode, row.weather, row.threshold],
  )) as { id: string }[];
  const id = existing?.id ?? ((await db.query(
    `INSERT INTO alert_subscription (user_id, kind, policy_id, indicator_id, territory_code, weather, threshold) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [userId, row.kind, row.policyId, row.indicatorId, row.territoryCode, row.weather, row.threshold],
  )) as { id: string }[])[0].id;
  const [created] = (await db.query(`${SELECT} WHERE s.id = $1`, [id])) as Row[];
  return toSubscription(created);
}

export async function deleteSubscription(db: EntityManager, userId: string, id: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  return (await returningRows(db, `DELETE FROM alert_subscription WHERE id = $1 AND user_id = $2 RETURNING id`, [id, userId])).length > 0;
}
