import { AuthError, unauthenticated } from '../errors/auth-error';
import type { RequestIdentity } from './request-identity';

/** The signed-in user's id, or 401 for anonymous requests. */
export function requireUser(identity: RequestIdentity | undefined): string {
  if (!identity?.userId) throw unauthenticated();
  return identity.userId;
}

/** Rights management and token creation need a person at a browser or the CLI, not a token. */
export function requireSession(identity: RequestIdentity | undefined, what: string): string {
  const userId = requireUser(identity);
  if (identity?.kind === 'token') throw new AuthError(403, 'TOKEN_NOT_ALLOWED', `API tokens cannot ${what}: sign in, or use the CLI.`);
  return userId;
}
