import type { RoleOption } from './accountApi';

/** A role's label in the reader's language, falling back to the other language, then to its id. */
export function roleLabel(roles: RoleOption[] | undefined, roleId: string, lng: string): string {
  const role = roles?.find((r) => r.id === roleId);
  if (!role) return roleId;
  return (lng.startsWith('en') ? (role.label.en ?? role.label.fr) : (role.label.fr ?? role.label.en)) ?? roleId;
}
