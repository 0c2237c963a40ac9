export interface ApiToken {
  id: string; name: string; prefix: string; scopes: string[]; expiresAt: string; revokedAt: string | null; lastUsedAt: string | null; createdAt: string;
  ownerEmail?: string;
}

export const TOKEN_SCOPES = ['read', 'write', 'import'] as const;
const FIELDS = 'id name prefix scopes expiresAt revokedAt lastUsedAt createdAt';
export const MY_TOKENS = `query MyApiTokens { myApiTokens { ${FIELDS} } }`;
export const CREATE_TOKEN = `mutation CreateApiToken($name: String!, $ttlDays: Int!, $scopes: [String!]!) { createApiToken(name: $name, ttlDays: $ttlDays, scopes: $scopes) { secret token { id } } }`;
export const REVOKE_TOKEN = `mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`;
export const ALL_TOKENS = `query AllApiTokens($search: String, $includeInactive: Boolean!) { apiTokens(search: $search, includeInactive: $includeInactive) { ${FIELDS} ownerEmail } }`;
export const REVOKE_ANY_TOKEN = `mutation RevokeAnyApiToken($id: ID!) { revokeAnyApiToken(id: $id) { id revokedAt } }`;

export type TokenState = 'active' | 'revoked' | 'expired';
export function tokenState(token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>, now = Date.now()): TokenState {
  if (token.revokedAt) return 'revoked';
  return Date.parse(token.expiresAt) <= now ? 'expired' : 'active';
}
