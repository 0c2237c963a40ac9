/**
 * Module ids are stable: instances, permissions and i18n namespaces refer to them, and the
 * package is found as `@pilote/module-<id>`. Lower-case letters, digits and single dashes.
 */
export const MODULE_ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const MODULE_ID_MAX_LENGTH = 40;

export function isValidModuleId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= MODULE_ID_MAX_LENGTH && MODULE_ID_PATTERN.test(id);
}

/**
 * npm's rule for a package name (lower case, optional scope), so a name from pilote.config.ts is
 * refused before `require` sees it.
 */
export const PACKAGE_NAME_PATTERN = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/**
 * The npm package that holds a module: the one the instance names (`{ id, package }`: a
 * third-party module published under its author's own scope), else `@pilote/module-<id>`.
 */
export function modulePackageName(id: string, packageName?: string): string {
  return packageName ?? `@pilote/module-${id}`;
}
