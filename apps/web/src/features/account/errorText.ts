import type { TFunction } from 'i18next';
import { GraphQLRequestError } from '../../api/graphql';
import { quotaText } from './quotaText';

/**
 * The API's refusal in the reader's language when its reason code is known (the API writes
 * English), else the API's own sentence; a network failure says to try again.
 */
export function errorText(error: unknown, t: TFunction): string {
  if (!(error instanceof GraphQLRequestError)) return t('account.requests.sendFailed');
  const first = error.errors?.[0];
  const { reason, details } = (first?.extensions ?? {}) as { reason?: string; details?: unknown };
  const quota = reason === 'QUOTA_REACHED' ? quotaText(details, t) : null;
  if (quota) return quota;
  const key = `account.errors.${reason ?? ''}`;
  return reason && t(key, { defaultValue: '' }) ? t(key) : (first?.message ?? error.message);
}
