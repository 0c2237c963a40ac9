import type { AuditLogEntry } from './audit-log.service';

export const AUDIT_CSV_COLUMNS = ['at', 'actor_id', 'actor_email', 'actor_kind', 'action', 'subject_type', 'subject_id', 'territory_code', 'old', 'new'] as const;

/**
 * One CSV cell. A cell a spreadsheet would read as a formula (= + - @, or a leading tab/CR) gets
 * a leading apostrophe (OWASP "CSV injection"); quotes are doubled and the cell quoted when needed.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsvRow(entry: AuditLogEntry): string {
  return [entry.at, entry.actorId, entry.actorEmail, entry.actorKind, entry.action, entry.subjectType, entry.subjectId, entry.territoryCode, entry.old, entry.new].map(csvCell).join(',');
}

export function auditCsvHeader(): string {
  return AUDIT_CSV_COLUMNS.join(',');
}
