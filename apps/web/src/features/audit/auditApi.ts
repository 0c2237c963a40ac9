import type { AuditLogQuery } from '../../api/generated/graphql';
export { AuditLogDocument as AUDIT_LOG } from '../../api/generated/graphql';

export type AuditEntry = AuditLogQuery['auditLog']['edges'][number]['node'];

/** The filters of /admin/audit, as in the address bar and the CSV link. */
export const AUDIT_FILTER_KEYS = ['actor', 'action', 'target', 'from', 'to'] as const;
export type AuditFilter = Partial<Record<(typeof AUDIT_FILTER_KEYS)[number], string>>;

/** Action families offered in the filter (any other action may be typed). */
export const AUDIT_ACTIONS = ['measure.', 'measure.imported', 'import.published', 'workflow.', 'roadmap.', 'assignment.', 'role.', 'access-request.', 'api-token.', 'campaign.', 'user.', 'audit.purged'] as const;

export function auditFilterOf(params: URLSearchParams): AuditFilter {
  const filter: AuditFilter = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value;
  }
  return filter;
}

/** The CSV of exactly the filtered list (same rights on the server). */
export function auditCsvUrl(filter: AuditFilter): string {
  const query = new URLSearchParams(Object.entries(filter).filter(([, value]) => value) as [string, string][]).toString();
  return `/api/v1/audit.csv${query ? `?${query}` : ''}`;
}
