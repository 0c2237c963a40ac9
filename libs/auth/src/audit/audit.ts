import type { AuditActor } from '@pilote/core';
import type { RequestIdentity } from '../identity/request-identity';

// The audit trail lives in the core (its table, and the writers that cannot import auth);
// auth adds how a request's identity becomes an actor.
export { audit, SYSTEM_ACTOR, type AuditActor, type AuditEntry } from '@pilote/core';

export function actorOf(identity: RequestIdentity): AuditActor {
  if (identity.userId && (identity.kind === 'user' || identity.kind === 'token')) return { kind: identity.kind, userId: identity.userId };
  return { kind: 'anonymous' };
}
