import type { EntityManager } from 'typeorm';
import { type AuditActor, audit } from '../audit/audit';
import type { Grant } from '../ability/ability.types';
import { AuthError, badInput } from '../errors/auth-error';
import { type GrantRow, grantsJsonSql, toGrants, type UserRecord } from '../identity/identity-loader';
import { TOKEN_SCOPES, type TokenScope } from '../permissions/actions';
import { generateTokenSecret, hashSecret, isWellFormedToken, MAX_TOKEN_DAYS, tokenPrefix } from './api-token';

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
}

const COLUMNS = `id, name, prefix, scopes, expires_at AS "expiresAt", revoked_at AS "revokedAt", last_used_at AS "lastUsedAt", created_at AS "createdAt"`;

export function validateScopes(scopes: string[]): TokenScope[] {
  const unknown = scopes.filter((scope) => !(TOKEN_SCOPES as readonly string[]).includes(scope));
  if (unknown.length > 0) throw badInput('scopes', `Unknown token scope(s) ${unknown.map((s) => `"${s}"`).join(', ')}: use ${TOKEN_SCOPES.join(', ')}.`);
  if (scopes.length === 0) throw badInput('scopes', `A token needs at least one scope (${TOKEN_SCOPES.join(', ')}).`);
  return [...new Set(scopes)] as TokenScope[];
}

/** Creates a token and returns its secret, which is shown once and never stored. */
export async function createApiToken(
  db: EntityManager,
  input: { userId: string; name: string; ttlDays: number; scopes: string[]; actor: AuditActor },
): Promise<{ secret: string; token: ApiTokenView }> {
  const name = input.name.trim();
  if (!name || name.length > 100) throw badInput('name', 'A token name is 1 to 100 characters, e.g. "nightly import".');
  if (!Number.isInteger(input.ttlDays) || input.ttlDays < 1 || input.ttlDays > MAX_TOKEN_DAYS) {
    throw badInput('ttlDays', `A token lives from 1 to ${MAX_TOKEN_DAYS} days, got ${input.ttlDays}.`);
  }
  const scopes = validateScopes(input.scopes);
  const secret = generateTokenSecret();
  const rows = (await db.query(
    `INSERT INTO api_token (user_id, name, hash, prefix, scopes, expires_at) VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6::int)) RETURNING ${COLUMNS}`,
    [input.userId, name, hashSecret(secret), tokenPrefix(secret), scopes, input.ttlDays],
  )) as ApiTokenView[];
  const token = rows[0];
  await audit(db, { actor: input.actor, action: 'api-token.created', subjectType: 'ApiToken', subjectId: token.id, new: { userId: input.userId, name, scopes, expiresAt: token.expiresAt } });
  return { secret, token };
}

export async function listApiTokens(db: EntityManager, userId: string): Promise<ApiTokenView[]> {
  return (await db.query(`SELECT ${COLUMNS} FROM api_token WHERE user_id = $1 ORDER BY created_at DESC`, [userId])) as ApiTokenView[];
}

/** Revokes a token of this user; an unknown id and another user's token get the same answer. */
export async function revokeApiToken(db: EntityManager, input: { tokenId: string; userId: string | null; actor: AuditActor }): Promise<ApiTokenView> {
  const notFound = new AuthError(404, 'NOT_FOUND', `No token "${input.tokenId}" among yours.`, 'id');
  if (!/^[0-9a-f-]{36}$/i.test(input.tokenId)) throw notFound;
  const rows = (await db.query(
    `UPDATE api_token SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND ($2::uuid IS NULL OR user_id = $2) RETURNING ${COLUMNS}`,
    [input.tokenId, input.userId],
  )) as [ApiTokenView[], number] | ApiTokenView[];
  const updated = (Array.isArray(rows[0]) ? rows[0] : rows) as ApiTokenView[];
  if (!updated[0]) throw notFound;
  await audit(db, { actor: input.actor, action: 'api-token.revoked', subjectType: 'ApiToken', subjectId: input.tokenId, old: { revokedAt: null }, new: { revokedAt: updated[0].revokedAt } });
  return updated[0];
}

export interface VerifiedToken {
  tokenId: string;
  userId: string;
  scopes: TokenScope[];
  /** The owner and their grants, read in the same statement: a request costs one round trip to know who calls. */
  user: UserRecord;
  grants: Grant[];
}

/** Checks a bearer token; every refusal says why, so a script's author can fix it. */
export async function verifyApiToken(db: EntityManager, secret: string): Promise<VerifiedToken> {
  if (!isWellFormedToken(secret)) {
    throw new AuthError(401, 'TOKEN_MALFORMED', 'The API token is malformed: expected "Authorization: Bearer pk_…" with the token printed at creation.');
  }
  // last_used_at is written at most once a minute per token, so reads do not turn into a write
  // each; a data-modifying WITH runs whether or not the outer query reads it.
  const rows = (await db.query(
    `WITH token AS (
       SELECT t.id, t.user_id, t.scopes, t.expires_at < now() AS expired, t.revoked_at IS NOT NULL AS revoked,
              u.status, u.email, u.given_name, u.usual_name
       FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE t.hash = $1),
     touched AS (
       UPDATE api_token SET last_used_at = now()
       WHERE id = (SELECT id FROM token WHERE NOT expired AND NOT revoked AND status = 'active')
         AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
       RETURNING id)
     SELECT token.*, ${grantsJsonSql('token.user_id')} AS grants FROM token`,
    [hashSecret(secret)],
  )) as { id: string; user_id: string; scopes: TokenScope[]; expired: boolean; revoked: boolean; status: string; email: string; given_name: string | null; usual_name: string | null; grants: GrantRow[] }[];
  const row = rows[0];
  if (!row) throw new AuthError(401, 'TOKEN_UNKNOWN', 'The API token is not known: it may have been mistyped or deleted. Create a new one.');
  if (row.revoked) throw new AuthError(401, 'TOKEN_REVOKED', 'The API token was revoked. Create a new one.');
  if (row.expired) throw new AuthError(401, 'TOKEN_EXPIRED', 'The API token has expired. Create a new one.');
  if (row.status !== 'active') throw new AuthError(401, 'ACCOUNT_DISABLED', 'The account that owns this API token is disabled.');
  const user: UserRecord = { id: row.user_id, email: row.email, given_name: row.given_name, usual_name: row.usual_name, status: row.status };
  return { tokenId: row.id, userId: row.user_id, scopes: row.scopes, user, grants: toGrants(row.grants) };
}

export interface ApiTokenAdminView extends ApiTokenView {
  ownerEmail: string;
}

/**
 * Every account's tokens, for administrators: newest first, searched in the owner's e-mail and the
 * token's name or prefix; revoked and expired ones only when asked.
 */
export async function listAllApiTokens(db: EntityManager, filter: { search?: string | null; includeInactive?: boolean; limit?: number }): Promise<ApiTokenAdminView[]> {
  const search = filter.search?.trim().toLowerCase() || null;
  const limit = Math.max(1, Math.min(filter.limit ?? 200, 500));
  return (await db.query(
    `SELECT ${COLUMNS.replace(/(^|, )(\w+)/g, '$1t.$2')}, u.email AS "ownerEmail" FROM api_token t JOIN app_user u ON u.id = t.user_id
     WHERE ($1::boolean OR (t.revoked_at IS NULL AND t.expires_at > now()))
       AND ($2::text IS NULL OR strpos(u.email, $2) > 0 OR strpos(lower(t.name), $2) > 0 OR strpos(lower(t.prefix), $2) = 1)
     ORDER BY t.created_at DESC LIMIT $3`,
    [filter.includeInactive ?? false, search, limit],
  )) as ApiTokenAdminView[];
}
