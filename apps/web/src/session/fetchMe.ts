import type { RawRule } from './may';

export interface Assignment {
  roleId: string;
  scope: { kind: string; territoryCode?: string | null; ids?: string[] | null };
}

/** What `GET /auth/me` answers: the visitor, their rules, the CSRF token, the ways to sign in. */
export interface MeAnswer {
  authenticated: boolean;
  user: { id: string; email: string; displayName: string | null } | null;
  rules?: RawRule[];
  /** The user's roles and where each applies (a territory, some policies, everywhere). */
  assignments?: Assignment[];
  csrfToken?: string | null;
  loginAvailable: boolean;
  demoLogin: boolean;
  demoRoles?: { id: string; label: Record<string, string> }[];
}

let me: Promise<MeAnswer | null> | null = null;

/**
 * `GET /auth/me`, read once per page load and shared by the session context, the CSRF header of
 * mutations and the login page (signing in or out reloads the page). `fresh` reads it again.
 */
export function fetchMe(options: { fresh?: boolean } = {}): Promise<MeAnswer | null> {
  if (!me || options.fresh) {
    me = fetch('/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(async (response) => (response.ok ? ((await response.json()) as MeAnswer) : null))
      .catch(() => null);
  }
  return me;
}
