/** Nest token of the NotificationDispatcher (e-mails of committed notifications). */
export const NOTIFICATION_DISPATCHER = Symbol('pilote:workflow:notification-dispatcher');
