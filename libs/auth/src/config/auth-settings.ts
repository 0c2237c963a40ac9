import { UserFacingError } from '@pilote/core';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  scopes: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  /** ProConnect signs its userinfo responses (RS256); set OIDC_USERINFO_SIGNED_RESPONSE_ALG to require it. */
  userinfoSignedResponseAlg?: string;
  /** Create an account (with no role) for an unknown e-mail, so the person can request access. */
  allowSignup: boolean;
}

/** Auth settings come only from the environment (secrets never from pilote.config.ts). */
export interface AuthSettings {
  publicUrl: string;
  /** Cookies get Secure (and the __Host- prefix) when the public URL is https. */
  secureCookies: boolean;
  production: boolean;
  oidc: OidcSettings | null;
  datapassWebhookSecret?: string;
  sessionTtlHours: number;
  /** API tokens a user may create per hour (PILOTE_RATE_LIMIT_TOKENS_PER_HOUR, default 20). */
  tokenCreationsPerHour: number;
}

export const DEFAULT_SCOPES = 'openid email given_name usual_name uid siret organizational_unit';

export function readAuthSettings(env: NodeJS.ProcessEnv, defaults: { port: number; production: boolean }): AuthSettings {
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${defaults.port}`).replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(publicUrl);
  } catch {
    throw new UserFacingError(`PUBLIC_URL is not a URL: "${publicUrl}"`, 'Example: PUBLIC_URL=https://pilote.example.gouv.fr', 'CONFIG_INVALID');
  }
  const issuer = env.OIDC_ISSUER?.trim();
  let oidc: OidcSettings | null = null;
  if (issuer) {
    const clientId = env.OIDC_CLIENT_ID?.trim();
    if (!clientId) throw new UserFacingError('OIDC_ISSUER is set but OIDC_CLIENT_ID is not', 'Set OIDC_CLIENT_ID (and OIDC_CLIENT_SECRET) to the values your provider gave you.', 'CONFIG_INVALID');
    oidc = {
      issuer,
      clientId,
      clientSecret: env.OIDC_CLIENT_SECRET || undefined,
      scopes: env.OIDC_SCOPES?.trim() || DEFAULT_SCOPES,
      redirectUri: env.OIDC_REDIRECT_URI?.trim() || `${publicUrl}/auth/callback`,
      postLogoutRedirectUri: env.OIDC_POST_LOGOUT_REDIRECT_URI?.trim() || `${publicUrl}/`,
      userinfoSignedResponseAlg: env.OIDC_USERINFO_SIGNED_RESPONSE_ALG?.trim() || undefined,
      allowSignup: env.OIDC_ALLOW_SIGNUP === 'true',
    };
  }
  const ttl = Number(env.SESSION_TTL_HOURS ?? 12);
  const tokensPerHour = Number(env.PILOTE_RATE_LIMIT_TOKENS_PER_HOUR ?? 20);
  return {
    publicUrl,
    secureCookies: parsed.protocol === 'https:',
    production: defaults.production,
    oidc,
    datapassWebhookSecret: env.DATAPASS_WEBHOOK_SECRET || undefined,
    sessionTtlHours: Number.isFinite(ttl) && ttl > 0 ? ttl : 12,
    tokenCreationsPerHour: Number.isInteger(tokensPerHour) && tokensPerHour > 0 ? tokensPerHour : 20,
  };
}
