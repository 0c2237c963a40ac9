/** GraphQL documents of the signed-in user's own space: notifications and access requests. */
import type { AccessRequestFieldsFragment, NotificationsQuery, RoleOptionFieldsFragment } from '../../api/generated/graphql';
export {
  AccessRequestsToDecideDocument as ACCESS_REQUESTS_TO_DECIDE_QUERY, DecideAccessRequestDocument as DECIDE_ACCESS_REQUEST, MarkAllReadDocument as MARK_ALL_READ,
  MarkReadDocument as MARK_READ, MyAccessRequestsDocument as MY_ACCESS_REQUESTS_QUERY, NotificationsDocument as NOTIFICATIONS_QUERY,
  RequestAccessDocument as REQUEST_ACCESS, UnreadCountDocument as UNREAD_COUNT_QUERY,
} from '../../api/generated/graphql';

export type AppNotification = NotificationsQuery['myNotifications'][number];
export type AccessRequest = AccessRequestFieldsFragment;
export type RoleOption = RoleOptionFieldsFragment;
