import type { AllApiTokensQuery, ApiTokenFieldsFragment } from '../../api/generated/graphql';
export {
  AllApiTokensDocument as ALL_TOKENS, CreateApiTokenDocument as CREATE_TOKEN, MyApiTokensDocument as MY_TOKENS,
  RevokeAnyApiTokenDocument as REVOKE_ANY_TOKEN, RevokeApiTokenDocument as REVOKE_TOKEN,
} from '../../api/generated/graphql';

/** One's own token, or any account's (with its owner) on the administrators' page. */
export type ApiToken = ApiTokenFieldsFragment & { ownerEmail?: AllApiTokensQuery['apiTokens'][number]['ownerEmail'] };

export const TOKEN_SCOPES = ['read', 'write', 'import'] as const;

export type TokenState = 'active' | 'revoked' | 'expired';
export function tokenState(token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>, now = Date.now()): TokenState {
  if (token.revokedAt) return 'revoked';
  return Date.parse(token.expiresAt) <= now ? 'expired' : 'active';
}
