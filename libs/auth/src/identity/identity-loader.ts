import type { EntityManager } from 'typeorm';
import type { Grant, RoleRule, Scope } from '../ability/ability.types';
import { buildAbility } from '../ability/build-ability';
import type { TokenScope } from '../permissions/actions';
import { anonymousIdentity, type RequestIdentity } from './request-identity';

export const PUBLIC_ROLE_ID = 'public';

export interface GrantRow {
  role_id: string;
  permissions: RoleRule[];
  scope_kind: Scope['kind'];
  scope_territory_code: string | null;
  scope_ids: string[];
  scope_policy_ids?: string[];
  scope_taxonomy_ids?: string[];
}

export function toScope(kind: Scope['kind'], territoryCode: string | null, ids: string[], policyIds: string[] = [], taxonomyIds: string[] = []): Scope {
  switch (kind) {
    case 'all':
      return { kind: 'all' };
    case 'territory':
      return { kind: 'territory', territoryCode: territoryCode ?? '' };
    case 'policies':
    case 'taxonomies':
      return { kind, ids };
    case 'combined':
      return { kind, territoryCode, policyIds: policyIds ?? [], taxonomyIds: taxonomyIds ?? [] };
  }
}

async function publicGrant(db: EntityManager): Promise<Grant | null> {
  const rows = (await db.query(`SELECT permissions FROM role WHERE id = $1`, [PUBLIC_ROLE_ID])) as { permissions: RoleRule[] }[];
  return rows[0] ? { roleId: PUBLIC_ROLE_ID, rules: rows[0].permissions, scope: { kind: 'all' } } : null;
}

/**
 * SQL for the grants of the user whose id is `userId` (an SQL expression), as a JSON array of
 * GrantRow: the public role first (signing in never loses rights), then the active assignments
 * in the order they were made. An expression, so a caller can read it in the statement that
 * finds the user (one round trip per request).
 */
export function grantsJsonSql(userId: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('role_id', g.role_id, 'permissions', g.permissions, 'scope_kind', g.scope_kind,
             'scope_territory_code', g.scope_territory_code, 'scope_ids', g.scope_ids, 'scope_policy_ids', g.scope_policy_ids, 'scope_taxonomy_ids', g.scope_taxonomy_ids)
             ORDER BY g.rank, g.created_at), '[]'::json)
    FROM (
      SELECT r.id AS role_id, r.permissions, 'all' AS scope_kind, NULL::text AS scope_territory_code, '{}'::text[] AS scope_ids, '{}'::text[] AS scope_policy_ids, '{}'::text[] AS scope_taxonomy_ids, 0 AS rank, NULL::timestamptz AS created_at
      FROM role r WHERE r.id = '${PUBLIC_ROLE_ID}'
      UNION ALL
      SELECT a.role_id, r.permissions, a.scope_kind, a.scope_territory_code, a.scope_ids, a.scope_policy_ids, a.scope_taxonomy_ids, 1, a.created_at
      FROM assignment a JOIN role r ON r.id = a.role_id
      WHERE a.user_id = ${userId} AND a.revoked_at IS NULL
    ) g)`;
}

export function toGrants(rows: GrantRow[]): Grant[] {
  return rows.map((row) => ({ roleId: row.role_id, rules: row.permissions, scope: toScope(row.scope_kind, row.scope_territory_code, row.scope_ids ?? [], row.scope_policy_ids ?? [], row.scope_taxonomy_ids ?? []) }));
}

/** Grants of a user: the public role, then their active assignments. */
export async function loadGrants(db: EntityManager, userId: string): Promise<Grant[]> {
  const rows = (await db.query(`SELECT ${grantsJsonSql('$1')} AS grants`, [userId])) as { grants: GrantRow[] }[];
  return toGrants(rows[0].grants);
}

export interface UserRecord {
  id: string;
  email: string;
  given_name: string | null;
  usual_name: string | null;
  status: string;
}

export function displayNameOf(user: Pick<UserRecord, 'email' | 'given_name' | 'usual_name'>): string {
  const name = [user.given_name, user.usual_name].filter(Boolean).join(' ');
  return name || user.email;
}

export async function findUser(db: EntityManager, userId: string): Promise<UserRecord | null> {
  const rows = (await db.query(`SELECT id, email, given_name, usual_name, status FROM app_user WHERE id = $1`, [userId])) as UserRecord[];
  return rows[0] ?? null;
}

/** The identity of a signed-in user (or of their token, cut down to its scopes). */
export async function loadUserIdentity(db: EntityManager, user: UserRecord, via: IdentityVia): Promise<RequestIdentity> {
  return identityOf(user, await loadGrants(db, user.id), via);
}

type IdentityVia = { session?: { id: string; csrfToken: string }; token?: { id: string; scopes: TokenScope[] } };

/** The identity of a user whose grants are already read. */
export function identityOf(user: UserRecord, grants: Grant[], via: IdentityVia): RequestIdentity {
  return {
    kind: via.token ? 'token' : 'user',
    userId: user.id,
    email: user.email,
    displayName: displayNameOf(user),
    grants,
    ability: buildAbility({ grants, userId: user.id, tokenScopes: via.token?.scopes }),
    session: via.session,
    token: via.token,
  };
}

export async function loadAnonymousIdentity(db: EntityManager): Promise<RequestIdentity> {
  return anonymousIdentity(await publicGrant(db));
}
