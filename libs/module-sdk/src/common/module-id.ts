/**
 * Module ids are stable: instances, permissions and i18n namespaces refer to them, and the
 * package is found as `@pilote/module-<id>`. Lower-case letters, digits and single dashes.
 */
export const MODULE_ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const MODULE_ID_MAX_LENGTH = 40;

export function isValidModuleId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= MODULE_ID_MAX_LENGTH && MODULE_ID_PATTERN.test(id);
}

/** The npm package that holds a module. */
export function modulePackageName(id: string): string {
  return `@pilote/module-${id}`;
}
