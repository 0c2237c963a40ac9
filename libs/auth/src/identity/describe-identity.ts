import type { RequestIdentity } from './request-identity';

/** What `/auth/me` and the `me` query tell the browser; the UI uses the rules for hints only. */
export function describeIdentity(identity: RequestIdentity | undefined) {
  if (!identity || identity.kind === 'anonymous') {
    return { authenticated: false, kind: 'anonymous' as const, user: null, csrfToken: null, assignments: [], rules: identity?.ability.rules ?? [] };
  }
  return {
    authenticated: true,
    kind: identity.kind,
    user: { id: identity.userId, email: identity.email, displayName: identity.displayName },
    csrfToken: identity.session?.csrfToken ?? null,
    assignments: identity.grants.filter((grant) => grant.roleId !== 'public').map((grant) => ({ roleId: grant.roleId, scope: grant.scope })),
    rules: identity.ability.rules,
  };
}
