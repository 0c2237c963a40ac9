import type { EntityManager } from 'typeorm';
import { audit, SYSTEM_ACTOR } from '../audit/audit';
import type { RoleRule } from '../ability/ability.types';
import { registeredPermissions } from './permission-registry';

/**
 * Gives each role the default grants modules declare, once per (module, subject): an admin's
 * later edits are never overwritten, because the grant is recorded in instance_state.
 */
export async function applyDefaultGrants(manager: EntityManager): Promise<number> {
  let applied = 0;
  for (const permission of registeredPermissions()) {
    for (const [roleId, actions] of Object.entries(permission.defaultGrants ?? {})) {
      const key = `auth.grant.${permission.moduleId}.${permission.subject}.${roleId}`;
      const seen = (await manager.query(`SELECT 1 FROM instance_state WHERE key = $1`, [key])) as unknown[];
      if (seen.length > 0) continue;
      const roles = (await manager.query(`SELECT permissions FROM role WHERE id = $1`, [roleId])) as { permissions: RoleRule[] }[];
      if (roles[0]) {
        const permissions = [...roles[0].permissions, { action: actions, subject: permission.subject }];
        await manager.query(`UPDATE role SET permissions = $2, updated_at = now() WHERE id = $1`, [roleId, JSON.stringify(permissions)]);
        await audit(manager, { actor: SYSTEM_ACTOR, action: 'role.default-grant', subjectType: 'Role', subjectId: roleId, old: roles[0].permissions, new: permissions });
        applied += 1;
      }
      await manager.query(`INSERT INTO instance_state (key, value) VALUES ($1, $2)`, [key, JSON.stringify({ actions })]);
    }
  }
  return applied;
}
