export type AlertKind = 'policy-weather' | 'policy-trajectory' | 'indicator-rate';

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
}

export const ALERT_WEATHERS = ['STORMY', 'RAINY', 'CLOUDY', 'SUNNY'] as const;
export const MY_ALERTS = `query MyAlertSubscriptions { myAlertSubscriptions { id kind policyId policyName indicatorId indicatorName territoryCode territoryName weather threshold firing } }`;
export const SUBSCRIBE_ALERT = `mutation SubscribeAlert($input: AlertSubscriptionInput!) { subscribeAlert(input: $input) { id } }`;
export const UNSUBSCRIBE_ALERT = `mutation UnsubscribeAlert($id: ID!) { unsubscribeAlert(id: $id) }`;
