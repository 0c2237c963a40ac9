import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { KIT_CONTEXT, type KitContext } from '@pilote/core';
import { AUTH_SETTINGS, OIDC_CLIENT } from '../auth.tokens';
import type { LoginErrorCode } from '../common/login-errors';
import type { AuthSettings } from '../config/auth-settings';
import { Public, SkipCsrf } from '../guards/can.decorator';
import type { IdentifiedRequest } from '../guards/request-of';
import { describeIdentity } from '../identity/describe-identity';
import { findDemoUser, listDemoRoles } from '../demo/demo-users';
import { createSession, deleteSession, purgeExpiredSessions, readSession } from '../sessions/session-store';
import { sessionCookieName, sessionCookieOptions } from '../sessions/session-cookie';
import { loginErrorCode, type OidcClient } from './oidc-client';
import { matchUser } from './user-matching';

const LOGIN_TTL_SECONDS = 600;

/** Only same-site paths: `returnTo=https://evil.example` or `//evil.example` would be an open redirect. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}

@Controller('auth')
export class AuthController {
  constructor(
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
    @Inject(OIDC_CLIENT) private readonly oidc: OidcClient | null,
  ) {}

  private get db() {
    return this.kit.dataSource.manager;
  }

  private get loginCookie(): string {
    return this.settings.secureCookies ? '__Secure-pilote_login' : 'pilote_login';
  }

  private fail(res: Response, code: LoginErrorCode): void {
    res.redirect(302, `${this.settings.publicUrl}/login?error=${code}`);
  }

  private async startSession(res: Response, userId: string, data: { idToken?: string; via: 'oidc' | 'demo' }): Promise<string> {
    const ttlSeconds = Math.round(this.settings.sessionTtlHours * 3600);
    const { cookieValue, session } = await createSession(this.db, { userId, ttlSeconds, data });
    res.cookie(sessionCookieName(this.settings), cookieValue, sessionCookieOptions(this.settings, ttlSeconds * 1000));
    return session.csrfToken;
  }

  @Get('login')
  @Public('starts the sign-in with the identity provider')
  async login(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.oidc) return this.fail(res, 'oidc_not_configured');
    try {
      const { url, transaction } = await this.oidc.authorizationUrl();
      const returnTo = safeReturnTo(req.query.returnTo);
      const { cookieValue } = await createSession(this.db, { userId: null, ttlSeconds: LOGIN_TTL_SECONDS, data: { oidc: { ...transaction, returnTo } } });
      res.cookie(this.loginCookie, cookieValue, { ...sessionCookieOptions(this.settings, LOGIN_TTL_SECONDS * 1000), path: '/auth/' });
      res.redirect(302, url.href);
    } catch (error) {
      this.fail(res, loginErrorCode(error));
    }
  }

  @Get('callback')
  @Public('the identity provider returns here; the OIDC state and code are checked')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.oidc) return this.fail(res, 'oidc_not_configured');
    const cookieValue = (req as { cookies?: Record<string, string> }).cookies?.[this.loginCookie];
    res.clearCookie(this.loginCookie, { path: '/auth/' });
    const pending = cookieValue ? await readSession(this.db, cookieValue) : null;
    if (!pending?.data.oidc) return this.fail(res, typeof req.query.error === 'string' && req.query.error === 'access_denied' ? 'access_denied' : 'login_expired');
    await deleteSession(this.db, pending.id); // one use only
    if (typeof req.query.error === 'string') return this.fail(res, req.query.error === 'access_denied' ? 'access_denied' : 'provider_error');
    // The callback URL is rebuilt from settings, not from the Host header.
    const callbackUrl = new URL(this.settings.oidc?.redirectUri ?? `${this.settings.publicUrl}/auth/callback`);
    callbackUrl.search = new URLSearchParams(req.query as Record<string, string>).toString();
    let profile;
    try {
      profile = await this.oidc.finish(callbackUrl, pending.data.oidc);
    } catch (error) {
      return this.fail(res, loginErrorCode(error));
    }
    const match = await matchUser(this.db, profile, { allowSignup: this.settings.oidc?.allowSignup ?? false });
    if (!match.ok) return this.fail(res, match.error);
    await purgeExpiredSessions(this.db);
    await this.startSession(res, match.userId, { idToken: profile.idToken ?? undefined, via: 'oidc' });
    res.redirect(302, `${this.settings.publicUrl}${safeReturnTo(pending.data.oidc.returnTo)}`);
  }

  /** Ends the local session, then the provider's (RP-initiated logout) when it supports it. */
  @Get('logout')
  @Public('ends the session of the cookie sent, if any')
  async logout(@Req() req: IdentifiedRequest, @Res() res: Response): Promise<void> {
    const cookieValue = (req as { cookies?: Record<string, string> }).cookies?.[sessionCookieName(this.settings)];
    const session = cookieValue ? await readSession(this.db, cookieValue) : null;
    if (session) await deleteSession(this.db, session.id);
    res.clearCookie(sessionCookieName(this.settings), sessionCookieOptions(this.settings));
    const home = `${this.settings.publicUrl}/`;
    if (this.oidc && session?.data.via === 'oidc') {
      const url = await this.oidc.endSessionUrl(session.data.idToken ?? null, this.settings.oidc?.postLogoutRedirectUri ?? home).catch(() => null);
      if (url) return res.redirect(302, url.href);
    }
    res.redirect(302, home);
  }

  @Get('me')
  @Public('tells the web app who is signed in (anonymous included) and its CSRF token')
  async me(@Req() req: IdentifiedRequest) {
    const demoLogin = this.demoLoginAllowed();
    return {
      ...describeIdentity(req.identity),
      loginAvailable: this.oidc !== null,
      demoLogin,
      // The demo login page lets visitors pick a role; only on demo instances.
      ...(demoLogin ? { demoRoles: await listDemoRoles(this.db) } : {}),
    };
  }

  private demoLoginAllowed(): boolean {
    return this.kit.instance.config.demoMode && !this.settings.production;
  }

  /** Demo instances only: sign in as a seeded demo user, by e-mail or by role. */
  @Post('demo-login')
  @Public('demo instances only: signs in as a demo user (refused when demoMode is off)')
  @SkipCsrf()
  @HttpCode(200)
  async demoLogin(@Body() body: { email?: unknown; role?: unknown }, @Res({ passthrough: true }) res: Response) {
    if (!this.demoLoginAllowed()) throw new NotFoundException({ error: 'NOT_FOUND', message: 'There is no demo login on this instance.' });
    const user = await findDemoUser(this.db, { email: typeof body?.email === 'string' ? body.email : undefined, role: typeof body?.role === 'string' ? body.role : undefined });
    if (!user) throw new NotFoundException({ error: 'NOT_FOUND', message: 'No demo user matches: send {"email": …} of a demo user or {"role": …} of a seeded role.' });
    await this.db.query(`UPDATE app_user SET last_login_at = now() WHERE id = $1`, [user.id]);
    const csrfToken = await this.startSession(res, user.id, { via: 'demo' });
    return { demo: true, user: { id: user.id, email: user.email, roleId: user.roleId }, csrfToken };
  }
}
