import type { Action } from './actions';

/** A subject a module declares, the actions it supports and the roles granted them by default. */
export interface PermissionDeclaration {
  subject: string;
  actions: Action[];
  description?: string;
  /** roleId → actions, applied once to the role's rules when the module is first seen. */
  defaultGrants?: Record<string, Action[]>;
}

export interface RegisteredPermission extends PermissionDeclaration {
  moduleId: string;
}

const registry = new Map<string, RegisteredPermission>();

/** Modules declare their subjects × actions here; subject ids are stable and unique across modules. */
export function registerPermissions(moduleId: string, declarations: PermissionDeclaration[]): void {
  for (const declaration of declarations) {
    const existing = registry.get(declaration.subject);
    if (existing && existing.moduleId !== moduleId) {
      throw new Error(`Permission subject "${declaration.subject}" of module "${moduleId}" is already declared by module "${existing.moduleId}".`);
    }
    registry.set(declaration.subject, { ...declaration, moduleId });
  }
}

export function registeredPermissions(): RegisteredPermission[] {
  return [...registry.values()];
}

export function isRegisteredSubject(subject: string): boolean {
  return subject === 'all' || registry.has(subject);
}
