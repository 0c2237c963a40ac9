import type { AuditRetentionFieldsFragment } from '../../api/generated/graphql';
export {
  AuditRetentionDocument as AUDIT_RETENTION, ResetAuditRetentionDocument as RESET_AUDIT_RETENTION, SetAuditRetentionDocument as SET_AUDIT_RETENTION,
} from '../../api/generated/graphql';

export type AuditRetention = AuditRetentionFieldsFragment;

/** The bounds the server enforces (audit.retentionDays in pilote.config.ts, ADR 040). */
export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 36_500;
