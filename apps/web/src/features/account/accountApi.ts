/** GraphQL documents of the signed-in user's own space: notifications and access requests. */

export interface AppNotification { id: string; kind: string; title: string; body: string; link: string | null; readAt: string | null; createdAt: string }

export interface AccessRequest {
  id: string; requesterEmail: string; roleId: string; reason: string; status: string; source: string;
  decisionReason: string | null; decidedAt: string | null; createdAt: string;
  scope: { kind: string; territoryCode: string | null; ids: string[] | null; policyIds?: string[] | null; taxonomyIds?: string[] | null };
}

export interface RoleOption { id: string; rank: number; label: { fr: string | null; en: string | null }; description: { fr: string | null; en: string | null } }

export const UNREAD_COUNT_QUERY = `query UnreadCount { unreadNotificationCount }`;

export const NOTIFICATIONS_QUERY = `query Notifications($locale: String) {
  myNotifications(limit: 100, locale: $locale) { id kind title body link readAt createdAt }
}`;

export const MARK_READ = `mutation MarkRead($id: ID!) { markNotificationRead(id: $id) { id readAt } }`;
export const MARK_ALL_READ = `mutation MarkAllRead { markAllNotificationsRead }`;

const REQUEST = 'id requesterEmail roleId reason status source decisionReason decidedAt createdAt scope { kind territoryCode ids policyIds taxonomyIds }';

export const MY_ACCESS_REQUESTS_QUERY = `query MyAccessRequests {
  myAccessRequests { ${REQUEST} }
  roles { id rank label { fr en } description { fr en } }
  requestableRoles { id rank label { fr en } description { fr en } }
}`;

export const ACCESS_REQUESTS_TO_DECIDE_QUERY = `query AccessRequestsToDecide {
  accessRequestsToDecide { ${REQUEST} }
  roles { id rank label { fr en } description { fr en } }
}`;

export const REQUEST_ACCESS = `mutation RequestAccess($roleId: ID!, $scope: ScopeInput!, $reason: String!) {
  requestAccess(roleId: $roleId, scope: $scope, reason: $reason) { ${REQUEST} }
}`;

export const DECIDE_ACCESS_REQUEST = `mutation DecideAccessRequest($id: ID!, $approve: Boolean!, $reason: String) {
  decideAccessRequest(id: $id, approve: $approve, reason: $reason) { ${REQUEST} }
}`;
