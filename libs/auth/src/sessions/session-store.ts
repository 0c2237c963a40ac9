import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type GrantRow, grantsJsonSql, type UserRecord } from '../identity/identity-loader';
import { hashSecret } from '../tokens/api-token';

export interface SessionRecord {
  id: string;
  userId: string | null;
  csrfToken: string;
  expiresAt: Date;
  data: SessionData;
}

/** What a session carries besides its user: the OIDC transaction before login, the id token after. */
export interface SessionData {
  oidc?: { state: string; nonce: string; codeVerifier: string; returnTo: string };
  idToken?: string;
  via?: 'oidc' | 'demo';
}

/** Creates a session; the cookie carries a random value, the table only its hash. */
export async function createSession(db: EntityManager, input: { userId: string | null; ttlSeconds: number; data?: SessionData }): Promise<{ cookieValue: string; session: SessionRecord }> {
  const cookieValue = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const id = hashSecret(cookieValue);
  const rows = (await db.query(
    `INSERT INTO user_session (id, user_id, csrf_token, expires_at, data) VALUES ($1, $2, $3, now() + make_interval(secs => $4::int), $5) RETURNING expires_at`,
    [id, input.userId, csrfToken, input.ttlSeconds, JSON.stringify(input.data ?? {})],
  )) as { expires_at: Date }[];
  return { cookieValue, session: { id, userId: input.userId, csrfToken, expiresAt: rows[0].expires_at, data: input.data ?? {} } };
}

export async function readSession(db: EntityManager, cookieValue: string): Promise<SessionRecord | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(cookieValue)) return null;
  const rows = (await db.query(
    `SELECT id, user_id AS "userId", csrf_token AS "csrfToken", expires_at AS "expiresAt", data FROM user_session WHERE id = $1 AND expires_at > now()`,
    [hashSecret(cookieValue)],
  )) as SessionRecord[];
  return rows[0] ?? null;
}

/**
 * A signed-in request's session with its user and the user's grants, in one statement (what every
 * page's API call needs to know who asks); null for an unknown, expired or anonymous session.
 */
export async function readSignedInSession(db: EntityManager, cookieValue: string): Promise<{ session: SessionRecord; user: UserRecord; grants: GrantRow[] } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(cookieValue)) return null;
  const rows = (await db.query(
    `SELECT s.id, s.user_id AS "userId", s.csrf_token AS "csrfToken", s.expires_at AS "expiresAt", s.data,
            u.email, u.given_name, u.usual_name, u.status, ${grantsJsonSql('s.user_id')} AS grants
     FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE s.id = $1 AND s.expires_at > now()`,
    [hashSecret(cookieValue)],
  )) as (SessionRecord & Omit<UserRecord, 'id'> & { grants: GrantRow[] })[];
  const row = rows[0];
  if (!row?.userId) return null;
  const { email, given_name, usual_name, status, grants, ...session } = row;
  return { session, user: { id: row.userId, email, given_name, usual_name, status }, grants };
}

export async function deleteSession(db: EntityManager, id: string): Promise<void> {
  await db.query(`DELETE FROM user_session WHERE id = $1`, [id]);
}

/** Expired sessions are removed at login and every hour by the `auth.session-purge` job. */
export async function purgeExpiredSessions(db: EntityManager): Promise<void> {
  await db.query(`DELETE FROM user_session WHERE expires_at < now()`);
}
