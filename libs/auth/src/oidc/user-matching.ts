import type { EntityManager } from 'typeorm';
import type { OidcProfile } from './oidc-client';
import type { LoginErrorCode } from '../common/login-errors';

export type MatchResult = { ok: true; userId: string } | { ok: false; error: LoginErrorCode };

/**
 * Finds the account of a provider's user by e-mail (ProConnect's `sub` differs per service),
 * refreshes its profile claims and last login. Unknown e-mails are refused unless sign-up is allowed
 * (then the account has no role and can only file access requests).
 */
export async function matchUser(db: EntityManager, profile: OidcProfile, options: { allowSignup: boolean }): Promise<MatchResult> {
  if (!profile.email) return { ok: false, error: 'email_not_verified' };
  // ProConnect does not send email_verified (its e-mails are verified); an explicit false is refused.
  if (profile.emailVerified === false) return { ok: false, error: 'email_not_verified' };
  const rows = (await db.query(`SELECT id, status FROM app_user WHERE email = $1`, [profile.email])) as { id: string; status: string }[];
  let userId = rows[0]?.id;
  if (rows[0] && rows[0].status !== 'active') return { ok: false, error: 'account_disabled' };
  if (!userId) {
    if (!options.allowSignup) return { ok: false, error: 'unknown_user' };
    const created = (await db.query(`INSERT INTO app_user (email) VALUES ($1) RETURNING id`, [profile.email])) as { id: string }[];
    userId = created[0].id;
  }
  await db.query(
    `UPDATE app_user SET given_name = coalesce($2, given_name), usual_name = coalesce($3, usual_name), uid = coalesce($4, uid),
       siret = coalesce($5, siret), organizational_unit = coalesce($6, organizational_unit), last_login_at = now() WHERE id = $1`,
    [userId, profile.givenName, profile.usualName, profile.uid, profile.siret, profile.organizationalUnit],
  );
  return { ok: true, userId };
}
