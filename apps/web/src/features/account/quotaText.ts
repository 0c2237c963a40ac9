import type { TFunction } from 'i18next';

/** The figures of a QUOTA_REACHED refusal (GraphQL `extensions.details`). */
export interface QuotaDetails {
  quota: 'role' | 'accounts';
  territoryName: string;
  territoryCode: string;
  limit: number;
  used: number;
}

const isQuotaDetails = (value: unknown): value is QuotaDetails =>
  typeof value === 'object' && value !== null && ((value as QuotaDetails).quota === 'role' || (value as QuotaDetails).quota === 'accounts')
  && typeof (value as QuotaDetails).limit === 'number' && typeof (value as QuotaDetails).used === 'number';

/** Which quota refused a grant, its limit and how many use it, in the reader's words; null without figures. */
export function quotaText(details: unknown, t: TFunction): string | null {
  if (!isQuotaDetails(details)) return null;
  const key = details.quota === 'role' ? 'account.errors.quotaRole' : 'account.errors.quotaAccounts';
  return t(key, { count: details.used, limit: details.limit, territory: `${details.territoryName} (${details.territoryCode})` });
}
