import { forbidden } from '@pilote/auth';

/** Refuses with the usual forbidden message when the check fails. */
export function forbiddenUnless(allowed: boolean): void {
  if (!allowed) throw forbidden('prepare', 'Campaign');
}
