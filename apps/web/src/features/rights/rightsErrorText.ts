import type { TFunction } from 'i18next';
import { GraphQLRequestError } from '../../api/graphql';
import { errorText } from '../account/errorText';
import { quotaText } from '../account/quotaText';

/**
 * What went wrong with a grant or an override, in the reader's language: above my own scope or
 * role, a missing reason, a quota reached (with the server's figures), else the usual text.
 */
export function rightsErrorText(error: unknown, t: TFunction): string {
  if (!(error instanceof GraphQLRequestError)) return errorText(error, t);
  const first = error.errors?.[0];
  const { reason, field } = (first?.extensions ?? {}) as { reason?: string; field?: string };
  const detail = first?.message ?? '';
  if (reason === 'FORBIDDEN' && field === 'scope') return `${t('rights.errors.scopeAbove')} ${t('rights.errors.detail', { detail })}`;
  if (reason === 'FORBIDDEN' && field === 'roleId') return t('rights.errors.roleAbove');
  if (reason === 'QUOTA_REACHED') return quotaText((first?.extensions as { details?: unknown } | undefined)?.details, t) ?? `${t('rights.errors.quotaReached')} ${t('rights.errors.detail', { detail })}`;
  if (reason === 'BAD_USER_INPUT' && field === 'reason') return t('rights.errors.reasonRequired');
  if (reason === 'BAD_USER_INPUT' && field === 'max') return t('rights.errors.maxInvalid');
  if (reason === 'BAD_USER_INPUT' && field === 'email') return t('rights.errors.emailInvalid');
  if (reason === 'ALREADY_ASSIGNED') return t('rights.errors.alreadyAssigned');
  return errorText(error, t);
}
