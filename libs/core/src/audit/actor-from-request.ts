import type { AuditActor } from './record-audit';

/**
 * The audit actor of a GraphQL/HTTP request, read from the identity the authentication layer put
 * on it (`req.identity`; the core cannot import @pilote/auth). No identity → anonymous.
 */
export function actorFromContext(ctx: unknown): AuditActor {
  const identity = (ctx as { req?: { identity?: { kind?: string; userId?: string | null } } } | undefined)?.req?.identity;
  if (identity?.userId && (identity.kind === 'user' || identity.kind === 'token')) return { kind: identity.kind, userId: identity.userId };
  return { kind: 'anonymous' };
}
