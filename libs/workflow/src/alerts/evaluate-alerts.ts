import type { JobKind } from '@pilote/core';
import type { DataSource } from 'typeorm';
import type { NotificationDispatcher } from '../notifications/notification-dispatcher';
import { createNotifications, Outbox } from '../notifications/notification-store';
import { conditionOf, type SubscriptionRow } from './alert-conditions';
import { mayReadDashboard } from './may-read';

export const EVALUATE_ALERTS_JOB = 'alerts.evaluate';

export interface EvaluateAlertsJob {
  /** The policies a write touched; empty: every subscription. */
  policyIds: string[];
}

/**
 * Evaluates the subscriptions of the touched policies on the committed state, one evaluation at a
 * time (advisory lock), and notifies on the transition only: a condition that starts to hold
 * sends one in-app notification and its e-mail (outbox, same transaction) and sets `firing`; one
 * that stops holding clears it. A subscriber who may no longer read the policy there gets nothing.
 */
export async function evaluateAlerts(dataSource: DataSource, dispatcher: NotificationDispatcher, job: EvaluateAlertsJob): Promise<{ sent: number }> {
  const outbox = new Outbox(dispatcher);
  let sent = 0;
  await dataSource.transaction(async (db) => {
    await db.query(`SELECT pg_advisory_xact_lock(hashtext('alerts.evaluate'))`);
    const all = job.policyIds.length === 0;
    const subscriptions = (await db.query(
      `SELECT s.id, s.user_id, s.kind, s.policy_id, s.indicator_id, s.territory_code, s.weather, s.threshold, s.firing,
              p.name AS policy_name, i.name AS indicator_name, t.name AS territory_name
       FROM alert_subscription s JOIN policy p ON p.id = s.policy_id JOIN territory t ON t.code = s.territory_code LEFT JOIN indicator i ON i.id = s.indicator_id
       WHERE $1 OR s.policy_id = ANY($2::text[]) ORDER BY s.created_at, s.id`,
      [all, job.policyIds],
    )) as (SubscriptionRow & { policy_name: string; indicator_name: string | null; territory_name: string })[];
    for (const s of subscriptions) {
      const state = await conditionOf(db, s);
      if (!state.holds) {
        if (s.firing) await db.query(`UPDATE alert_subscription SET firing = false WHERE id = $1`, [s.id]);
        continue;
      }
      if (s.firing) continue; // still holding: already told
      if (!(await mayReadDashboard(db, s.user_id, s.territory_code, s.policy_id))) continue;
      const link = s.kind === 'indicator-rate'
        ? `/indicators/${encodeURIComponent(s.indicator_id!)}?territory=${encodeURIComponent(s.territory_code)}`
        : `/policies/${encodeURIComponent(s.policy_id)}?territory=${encodeURIComponent(s.territory_code)}`;
      sent += await createNotifications(db, outbox, {
        userIds: [s.user_id],
        kind: 'alert.triggered',
        params: {
          whatKey: `alert.${s.kind}`,
          subscriptionId: s.id,
          policy: s.policy_name,
          indicator: s.indicator_name,
          territory: s.territory_name,
          weather: s.weather,
          rate: state.rate === null ? null : Math.round(state.rate * 10) / 10,
          expected: state.expected === null ? null : Math.round(state.expected * 10) / 10,
        },
        link,
      });
      await db.query(`UPDATE alert_subscription SET firing = true, last_fired_at = now() WHERE id = $1`, [s.id]);
    }
  });
  return { sent };
}

export function evaluateAlertsJob(dataSource: DataSource, dispatcher: NotificationDispatcher): JobKind<EvaluateAlertsJob> {
  return {
    name: EVALUATE_ALERTS_JOB,
    description: 'Evaluates the alert subscriptions of the policies a write changed; notifies (and e-mails) the subscribers whose condition starts to hold.',
    concurrency: 1,
    run: async (data) => {
      await evaluateAlerts(dataSource, dispatcher, { policyIds: Array.isArray(data.policyIds) ? data.policyIds : [] });
    },
  };
}
