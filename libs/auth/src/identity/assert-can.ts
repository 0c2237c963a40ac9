import { subject as asSubject } from '@casl/ability';
import { forbidden, unauthenticated } from '../errors/auth-error';
import type { ScopedAttributes } from '../ability/ability.types';
import type { RequestIdentity } from './request-identity';

/** Throws 401 (anonymous) or 403 unless the identity may `action` this subject (instance). */
export function assertCan(identity: RequestIdentity | undefined, action: string, subjectType: string, attributes?: ScopedAttributes): void {
  const ability = identity?.ability;
  const allowed = ability ? (attributes ? ability.can(action, asSubject(subjectType, { ...attributes })) : ability.can(action, subjectType)) : false;
  if (allowed) return;
  throw !identity || identity.kind === 'anonymous' ? unauthenticated() : forbidden(action, subjectType);
}
