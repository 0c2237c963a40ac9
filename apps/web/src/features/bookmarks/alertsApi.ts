import type { MyAlertSubscriptionsQuery } from '../../api/generated/graphql';
export { MyAlertSubscriptionsDocument as MY_ALERTS, SubscribeAlertDocument as SUBSCRIBE_ALERT, UnsubscribeAlertDocument as UNSUBSCRIBE_ALERT } from '../../api/generated/graphql';

/** The kinds the server knows (a String in the schema: libs/workflow's alert kinds). */
export type AlertKind = 'policy-weather' | 'policy-trajectory' | 'indicator-rate';
export type AlertSubscription = MyAlertSubscriptionsQuery['myAlertSubscriptions'][number];

export const ALERT_WEATHERS = ['STORMY', 'RAINY', 'CLOUDY', 'SUNNY'] as const;
