import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alert subscriptions (issue 20, ADR 041): "tell me when this policy turns <météo> / falls below
 * its trajectory here" or "when this indicator's rate falls below X % here". `firing` remembers
 * whether the condition held at the last evaluation: an alert is sent on the false → true
 * transition only, never again while the condition keeps holding.
 */
export class CreateAlertSubscriptions1764000701100 implements MigrationInterface {
  name = 'CreateAlertSubscriptions1764000701100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alert_subscription (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('policy-weather', 'policy-trajectory', 'indicator-rate')),
        policy_id text NOT NULL REFERENCES policy(id) ON DELETE CASCADE,
        indicator_id text REFERENCES indicator(id) ON DELETE CASCADE,
        territory_code text NOT NULL REFERENCES territory(code) ON DELETE CASCADE,
        weather text CHECK (weather IS NULL OR weather IN ('SUNNY', 'CLOUDY', 'RAINY', 'STORMY')),
        threshold double precision CHECK (threshold IS NULL OR (threshold >= 0 AND threshold <= 100)),
        firing boolean NOT NULL DEFAULT false,
        last_fired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'policy-weather') = (weather IS NOT NULL)),
        CHECK ((kind = 'indicator-rate') = (indicator_id IS NOT NULL AND threshold IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX alert_subscription_user_idx ON alert_subscription(user_id)`);
    await q.query(`CREATE INDEX alert_subscription_policy_idx ON alert_subscription(policy_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alert_subscription`);
  }
}
