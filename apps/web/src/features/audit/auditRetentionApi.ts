export interface AuditRetention {
  days: number | null;
  source: 'CONFIG' | 'SCREEN';
  changedBy: string | null;
  changedAt: string | null;
  reason: string | null;
}

/** The bounds the server enforces (audit.retentionDays in pilote.config.ts, ADR 040). */
export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 36_500;

const FIELDS = 'days source changedBy changedAt reason';
export const AUDIT_RETENTION = `query AuditRetention { auditRetention { ${FIELDS} } }`;
export const SET_AUDIT_RETENTION = `mutation SetAuditRetention($days: Int, $reason: String!) { setAuditRetention(days: $days, reason: $reason) { ${FIELDS} } }`;
export const RESET_AUDIT_RETENTION = `mutation ResetAuditRetention($reason: String!) { resetAuditRetention(reason: $reason) { ${FIELDS} } }`;
