import type { SessionInfo } from '../session/SessionContext';

/**
 * The name shown for the signed-in user. Demo users are named after their role's id
 * ("Démo deconcentrated-service"): that id is replaced by the role's name in the reader's language.
 */
export function accountName(info: Pick<SessionInfo, 'user' | 'assignments' | 'demoRoles'>, lng: string, fallback: string): string {
  const name = info.user?.displayName;
  if (!name) return info.user?.email ?? fallback;
  for (const { roleId } of info.assignments) {
    const role = info.demoRoles?.find((r) => r.id === roleId);
    const label = role ? (lng.startsWith('en') ? (role.label.en ?? role.label.fr) : (role.label.fr ?? role.label.en)) : undefined;
    if (label && name.includes(roleId)) return name.replace(roleId, label);
  }
  return name;
}
