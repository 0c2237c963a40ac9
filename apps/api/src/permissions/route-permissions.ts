import { declareCan } from '@pilote/auth';
import { ImportsController } from '@pilote/import';

/**
 * Rights on the routes of libraries that cannot import @pilote/auth themselves: declared here,
 * where the API composes them. The global guard of @pilote/auth enforces them.
 */
const ROUTE_PERMISSIONS: [target: { prototype: object }, method: string, spec: Parameters<typeof declareCan>[2]][] = [
  [ImportsController, 'create', { action: 'import', subject: 'Import' }],
  [ImportsController, 'createWithProgress', { action: 'import', subject: 'Import' }],
  [ImportsController, 'list', { action: 'import', subject: 'Import' }],
];

/** Applies the table; returns the routes not found (renamed), so the API refuses to start. */
export function declareRoutePermissions(): string[] {
  return ROUTE_PERMISSIONS.filter(([target, method, spec]) => !declareCan(target, method, spec)).map(([target, method]) => `${(target as { name?: string }).name}.${method}`);
}
