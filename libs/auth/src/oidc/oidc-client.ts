import * as client from 'openid-client';
import type { OidcSettings } from '../config/auth-settings';

export interface LoginTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** What we read from the provider, ProConnect's claims included. */
export interface OidcProfile {
  sub: string;
  email: string | null;
  emailVerified: boolean | null;
  givenName: string | null;
  usualName: string | null;
  uid: string | null;
  siret: string | null;
  organizationalUnit: string | null;
  idToken: string | null;
}

function isLocalHost(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** The openid-client v6 flow: discovery (cached), authorization code + PKCE + state + nonce. */
export class OidcClient {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(private readonly settings: OidcSettings) {}

  private config(): Promise<client.Configuration> {
    if (!this.configuration) {
      const issuer = new URL(this.settings.issuer);
      // Plain http only for a provider on this machine (tests, local Keycloak).
      const options = isLocalHost(issuer) && issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined;
      const metadata: Partial<client.ClientMetadata> = this.settings.userinfoSignedResponseAlg ? { userinfo_signed_response_alg: this.settings.userinfoSignedResponseAlg } : {};
      this.configuration = client.discovery(issuer, this.settings.clientId, { ...metadata, client_secret: this.settings.clientSecret }, undefined, options).catch((error: unknown) => {
        this.configuration = null; // retry discovery on the next login
        throw error;
      });
    }
    return this.configuration;
  }

  async authorizationUrl(): Promise<{ url: URL; transaction: LoginTransaction }> {
    const config = await this.config();
    const codeVerifier = client.randomPKCECodeVerifier();
    const transaction = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    });
    return { url, transaction };
  }

  /** Exchanges the code, checks state, nonce and PKCE, then reads userinfo (JSON or signed JWT). */
  async finish(callbackUrl: URL, transaction: LoginTransaction): Promise<OidcProfile> {
    const config = await this.config();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: transaction.codeVerifier,
      expectedState: transaction.state,
      expectedNonce: transaction.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('The provider returned no ID token');
    const info = config.serverMetadata().userinfo_endpoint ? await client.fetchUserInfo(config, tokens.access_token, idClaims.sub) : {};
    const claims: Record<string, unknown> = { ...idClaims, ...info };
    const email = text(claims.email)?.toLowerCase() ?? null;
    return {
      sub: idClaims.sub,
      email,
      emailVerified: typeof claims.email_verified === 'boolean' ? claims.email_verified : null,
      givenName: text(claims.given_name),
      usualName: text(claims.usual_name) ?? text(claims.family_name),
      uid: text(claims.uid),
      siret: text(claims.siret),
      organizationalUnit: text(claims.organizational_unit) ?? text(claims.belonging_population),
      idToken: tokens.id_token ?? null,
    };
  }

  /** RP-initiated logout URL when the provider supports it, else null. */
  async endSessionUrl(idToken: string | null, postLogoutRedirectUri: string): Promise<URL | null> {
    const config = await this.config();
    if (!config.serverMetadata().end_session_endpoint) return null;
    const parameters: Record<string, string> = { post_logout_redirect_uri: postLogoutRedirectUri, client_id: this.settings.clientId };
    if (idToken) parameters.id_token_hint = idToken;
    return client.buildEndSessionUrl(config, parameters);
  }
}

/** Maps a failure of the flow to a login error code (the message is on the login page, never a stack). */
export function loginErrorCode(error: unknown): 'access_denied' | 'login_expired' | 'provider_error' | 'provider_unavailable' {
  if (error instanceof client.AuthorizationResponseError) return error.error === 'access_denied' ? 'access_denied' : 'provider_error';
  // fetch() failures (refused, DNS, timeout) show up somewhere in the cause chain.
  for (let current: unknown = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    const { name, message, code } = current as { name?: string; message?: string; code?: string };
    if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'UND_ERR_CONNECT_TIMEOUT'].includes(code ?? '')) return 'provider_unavailable';
    if (name === 'TypeError' && message === 'fetch failed') return 'provider_unavailable';
    if (name === 'TimeoutError' || name === 'AbortError') return 'provider_unavailable';
  }
  return 'provider_error';
}
