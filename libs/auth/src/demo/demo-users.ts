import type { EntityManager } from 'typeorm';
import { audit, SYSTEM_ACTOR } from '../audit/audit';

const STATE_KEY = 'auth.demo-seeded';
const NATIONAL_ROLES = new Set(['admin', 'national-steering', 'presidency-cabinet', 'ministry-cabinet', 'central-directorate', 'project-director', 'project-team', 'reader']);
const REGIONAL_ROLES = new Set(['regional-coordinator', 'regional-prefect']);

export function demoEmail(roleId: string): string {
  return `demo.${roleId}@pilote.invalid`;
}

/**
 * Demo instances: one demo user per role (national roles on everything, regional ones on a
 * région, the others on one of its départements), and anonymous visitors may read dashboards.
 * Runs once per database (recorded in instance_state); every change goes to the audit trail.
 */
export async function seedDemoUsers(manager: EntityManager, log: (line: string) => void = () => undefined): Promise<boolean> {
  const done = (await manager.query(`SELECT 1 FROM instance_state WHERE key = $1`, [STATE_KEY])) as unknown[];
  if (done.length > 0) return false;
  const region = ((await manager.query(`SELECT code FROM territory WHERE level = 'REG' ORDER BY code = 'R84' DESC, code LIMIT 1`)) as { code: string }[])[0]?.code ?? null;
  const department = region
    ? ((await manager.query(`SELECT code FROM territory WHERE level = 'DEPT' AND parent_code = $1 ORDER BY code LIMIT 1`, [region])) as { code: string }[])[0]?.code ?? null
    : null;
  const roles = (await manager.query(`SELECT id FROM role WHERE id <> 'public' ORDER BY rank DESC, id`)) as { id: string }[];
  let count = 0;
  for (const { id: roleId } of roles) {
    const territory = NATIONAL_ROLES.has(roleId) ? null : REGIONAL_ROLES.has(roleId) ? region : department;
    if (!NATIONAL_ROLES.has(roleId) && !territory) continue;
    const users = (await manager.query(
      `INSERT INTO app_user (email, given_name, usual_name, demo) VALUES ($1, 'Démo', $2, true)
       ON CONFLICT (email) DO UPDATE SET demo = true RETURNING id`,
      [demoEmail(roleId), roleId],
    )) as { id: string }[];
    await manager.query(
      `INSERT INTO assignment (user_id, role_id, scope_kind, scope_territory_code, source) VALUES ($1, $2, $3, $4, 'demo')`,
      [users[0].id, roleId, territory ? 'territory' : 'all', territory],
    );
    count += 1;
  }
  const publicRole = (await manager.query(`SELECT permissions FROM role WHERE id = 'public'`)) as { permissions: unknown[] }[];
  if (publicRole[0]) {
    const permissions = [...publicRole[0].permissions, { action: 'read', subject: 'Dashboard' }];
    await manager.query(`UPDATE role SET permissions = $1, updated_at = now() WHERE id = 'public'`, [JSON.stringify(permissions)]);
    await audit(manager, { actor: SYSTEM_ACTOR, action: 'role.updated', subjectType: 'Role', subjectId: 'public', old: publicRole[0].permissions, new: permissions });
  }
  await audit(manager, { actor: SYSTEM_ACTOR, action: 'demo-users.seeded', subjectType: 'User', new: { count, region, department } });
  await manager.query(`INSERT INTO instance_state (key, value) VALUES ($1, $2)`, [STATE_KEY, JSON.stringify({ count, region, department })]);
  log(`Demo users: ${count} (one per role; demo login at POST /auth/demo-login)`);
  return true;
}

export async function findDemoUser(db: EntityManager, by: { email?: string; role?: string }): Promise<{ id: string; email: string; roleId: string | null } | null> {
  if (!by.email && !by.role) return null;
  const rows = (await db.query(
    `SELECT u.id, u.email, a.role_id AS "roleId" FROM app_user u LEFT JOIN assignment a ON a.user_id = u.id AND a.revoked_at IS NULL
     WHERE u.demo AND u.status = 'active' AND (u.email = $1 OR a.role_id = $2) ORDER BY u.email LIMIT 1`,
    [by.email?.trim().toLowerCase() ?? null, by.role ?? null],
  )) as { id: string; email: string; roleId: string | null }[];
  return rows[0] ?? null;
}

/** Roles that have a demo user, with their labels, for the demo login form. */
export async function listDemoRoles(db: EntityManager): Promise<{ id: string; label: { fr?: string; en?: string } }[]> {
  return (await db.query(
    `SELECT DISTINCT r.id, r.label, r.rank FROM role r JOIN assignment a ON a.role_id = r.id AND a.revoked_at IS NULL JOIN app_user u ON u.id = a.user_id AND u.demo AND u.status = 'active'
     ORDER BY r.rank DESC, r.id`,
  )) as { id: string; label: { fr?: string; en?: string } }[];
}
