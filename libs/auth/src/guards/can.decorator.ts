import { SetMetadata } from '@nestjs/common';

export const CAN_METADATA = 'pilote:can';
export const SKIP_CSRF_METADATA = 'pilote:skip-csrf';

export interface CanSpec {
  action: string;
  subject: string;
  /** Reads the territory the call is about from its arguments, so the scope is checked too. */
  territoryFrom?: (args: Record<string, unknown>) => string | null | undefined;
}

/** Refuses the resolver or route unless the request's ability allows `action` on `subject`. */
export const Can = (action: string, subject: string, options: Pick<CanSpec, 'territoryFrom'> = {}) => SetMetadata(CAN_METADATA, { action, subject, ...options } satisfies CanSpec);

/** For the few cookie-authenticated POSTs that must work without a CSRF header (login itself). */
export const SkipCsrf = () => SetMetadata(SKIP_CSRF_METADATA, true);

/** Sets the metadata of `@Can` on a method defined elsewhere (core resolvers cannot import auth). */
export function declareCan(target: { prototype: object }, method: string, spec: CanSpec): boolean {
  const handler = (target.prototype as Record<string, unknown>)[method];
  if (typeof handler !== 'function') return false;
  Reflect.defineMetadata(CAN_METADATA, spec, handler);
  return true;
}
