import { DEFAULT_SCOPES } from '../config/auth-settings';
import { type AuthTestApp, freePort, startAuthTestApp } from '../testing/auth-test-app';
import { CookieJar } from '../testing/cookie-jar';
import { startTestProvider, type TestProvider } from '../testing/oidc-test-provider';

describe('OpenID Connect login against a real provider', () => {
  let provider: TestProvider;
  let api: AuthTestApp;

  beforeAll(async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    provider = await startTestProvider({ redirectUri: `${url}/auth/callback`, postLogoutRedirectUri: `${url}/`, signedUserinfo: true });
    api = await startAuthTestApp({
      port,
      settings: (publicUrl) => ({
        oidc: {
          issuer: provider.issuer,
          clientId: provider.clientId,
          clientSecret: provider.clientSecret,
          scopes: DEFAULT_SCOPES,
          redirectUri: `${publicUrl}/auth/callback`,
          postLogoutRedirectUri: `${publicUrl}/`,
          userinfoSignedResponseAlg: 'RS256',
          allowSignup: false,
        },
      }),
    });
    const db = api.context.dataSource;
    const [user] = (await db.query(`INSERT INTO app_user (email) VALUES ('camille.martin@example.gouv.fr') RETURNING id`)) as { id: string }[];
    await db.query(`INSERT INTO assignment (user_id, role_id, scope_kind) VALUES ($1, 'reader', 'all')`, [user.id]);
  });

  afterAll(async () => {
    await api?.close();
    await provider?.close();
  });

  it('signs a known user in (code + PKCE + state + nonce, signed userinfo), matching by e-mail, then out at the provider too', async () => {
    const jar = new CookieJar();
    provider.nextLogin({ email: 'Camille.Martin@Example.gouv.fr', givenName: 'Camille', usualName: 'Martin', siret: '11000201100044' });
    const login = await jar.fetch(`${api.url}/auth/login?returnTo=/policies`);
    const authorize = new URL(login.headers.get('location') ?? '');
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();

    const end = await jar.follow(authorize.href, `${api.url}/policies`);
    expect(end.url).toBe(`${api.url}/policies`);
    const sessionCookie = login.headers.getSetCookie().length >= 0 ? jar.get(api.url, 'pilote_session') : undefined;
    expect(sessionCookie).toBeTruthy();

    const me = (await (await jar.fetch(`${api.url}/auth/me`)).json()) as { authenticated: boolean; user: { email: string; displayName: string }; csrfToken: string; assignments: { roleId: string }[] };
    expect(me.authenticated).toBe(true);
    expect(me.user.email).toBe('camille.martin@example.gouv.fr');
    expect(me.user.displayName).toBe('Camille Martin');
    expect(me.assignments.map((a) => a.roleId)).toEqual(['reader']);
    const [stored] = (await api.context.dataSource.query(`SELECT siret, last_login_at FROM app_user WHERE email = 'camille.martin@example.gouv.fr'`)) as { siret: string; last_login_at: Date | null }[];
    expect(stored.siret).toBe('11000201100044');
    expect(stored.last_login_at).not.toBeNull();

    // Cookie-authenticated mutation: refused without the CSRF header, accepted with it.
    const mutation = JSON.stringify({ query: 'mutation { createApiToken(name: "script", ttlDays: 7, scopes: ["read"]) { secret } }' });
    const withoutCsrf = await jar.fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: mutation });
    const refused = (await withoutCsrf.json()) as { errors: { extensions: { code: string; reason: string } }[] };
    expect(refused.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CSRF_TOKEN_INVALID' });
    const withCsrf = await jar.fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: mutation });
    const created = (await withCsrf.json()) as { data: { createApiToken: { secret: string } } };
    expect(created.data.createApiToken.secret).toMatch(/^pk_/);

    // Logout ends the local session and sends the browser to the provider's end_session endpoint.
    const logout = await jar.fetch(`${api.url}/auth/logout`);
    const endSession = new URL(logout.headers.get('location') ?? '');
    expect(endSession.origin).toBe(provider.issuer);
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${api.url}/`);
    const after = (await (await jar.fetch(`${api.url}/auth/me`)).json()) as { authenticated: boolean };
    expect(after.authenticated).toBe(false);
    // The provider asks to confirm (a form with an xsrf field); confirming lands back on the app.
    const page = await jar.fetch(endSession.href);
    const html = await page.text();
    const action = /action="([^"]+)"/.exec(html)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    expect(action && xsrf).toBeTruthy();
    const confirm = await jar.fetch(new URL(action!, provider.issuer).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf: xsrf!, logout: 'yes' }).toString(),
    });
    const back = await jar.follow(new URL(confirm.headers.get('location') ?? '', provider.issuer).href, `${api.url}/`);
    expect(back.url).toBe(`${api.url}/`);
  });

  it('sends a user who refuses at the provider back to the login page with access_denied', async () => {
    const jar = new CookieJar();
    provider.nextLogin('deny');
    const end = await jar.follow(`${api.url}/auth/login`, `${api.url}/login`);
    expect(end.url).toBe(`${api.url}/login?error=access_denied`);
    expect(jar.get(api.url, 'pilote_session')).toBeUndefined();
  });

  it('refuses an e-mail without an account (unknown_user) and one the provider says is not verified', async () => {
    provider.nextLogin({ email: 'nobody@example.gouv.fr' });
    const unknown = await new CookieJar().follow(`${api.url}/auth/login`, `${api.url}/login`);
    expect(unknown.url).toBe(`${api.url}/login?error=unknown_user`);
    provider.nextLogin({ email: 'camille.martin@example.gouv.fr', emailVerified: false });
    const unverified = await new CookieJar().follow(`${api.url}/auth/login`, `${api.url}/login`);
    expect(unverified.url).toBe(`${api.url}/login?error=email_not_verified`);
    const users = (await api.context.dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE email = 'nobody@example.gouv.fr'`)) as { n: number }[];
    expect(users[0].n).toBe(0);
  });

  it('answers a callback without a pending login (replayed or forged) with login_expired, not a stack trace', async () => {
    const response = await new CookieJar().fetch(`${api.url}/auth/callback?code=forged&state=forged`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${api.url}/login?error=login_expired`);
  });
});

describe('OpenID Connect provider down', () => {
  it('redirects to the login page with provider_unavailable', async () => {
    const closedPort = await freePort();
    const api = await startAuthTestApp({
      settings: (publicUrl) => ({
        oidc: { issuer: `http://127.0.0.1:${closedPort}`, clientId: 'x', scopes: DEFAULT_SCOPES, redirectUri: `${publicUrl}/auth/callback`, postLogoutRedirectUri: `${publicUrl}/`, allowSignup: false },
      }),
    });
    try {
      const response = await new CookieJar().fetch(`${api.url}/auth/login`);
      expect(response.headers.get('location')).toBe(`${api.url}/login?error=provider_unavailable`);
    } finally {
      await api.close();
    }
  });
});
