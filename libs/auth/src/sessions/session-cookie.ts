import type { CookieOptions } from 'express';
import type { AuthSettings } from '../config/auth-settings';

/** `__Host-` binds the cookie to this exact origin; browsers accept it only with Secure. */
export function sessionCookieName(settings: Pick<AuthSettings, 'secureCookies'>): string {
  return settings.secureCookies ? '__Host-pilote_session' : 'pilote_session';
}

export function sessionCookieOptions(settings: Pick<AuthSettings, 'secureCookies'>, maxAgeMs?: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: settings.secureCookies, path: '/', ...(maxAgeMs ? { maxAge: maxAgeMs } : {}) };
}
