import { subject as asSubject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import { scopeTerritory } from '../ability/ability.types';
import { buildAbility } from '../ability/build-ability';
import { badInput, forbidden } from '../errors/auth-error';
import { assertCan } from '../identity/assert-can';
import type { RequestIdentity } from '../identity/request-identity';
import { territoryPath } from '../identity/territory-path';
import { canOnScope } from './manager-scope';
import { findRole } from './role.service';
import { parseScope, type ScopeInput } from './scope-input';

export interface RightsPreview {
  /** Actions × subjects the role gives (its rules; the scope limits where). */
  rules: { action: string[]; subject: string[] }[];
  /** The territory subtree the scope reads (null: every territory). */
  territory: { code: string; name: string; count: number } | null;
  /** The policies `read Dashboard` allows in that subtree. */
  policies: { id: string; name: string }[];
  /** A dashboard link showing what this right reads (web app path). */
  dashboardPath: string;
}

const asList = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

/**
 * "See as" without impersonation: the ability a role × scope would give, evaluated here on the
 * referential (which territories, which policies it reads), nobody's session involved. Only for
 * scopes the caller administers.
 */
export async function previewRight(db: EntityManager, identity: RequestIdentity, input: { roleId: string; scope: ScopeInput }): Promise<RightsPreview> {
  assertCan(identity, 'read', 'Assignment');
  const scope = parseScope(input.scope);
  const role = await findRole(db, input.roleId);
  if (!role) throw badInput('roleId', `No role "${input.roleId}".`);
  if (!(await canOnScope(db, identity, 'read', 'Assignment', scope))) throw forbidden('preview', 'scope');
  const ability = buildAbility({ grants: [{ roleId: role.id, rules: role.permissions, scope }] });
  const code = scopeTerritory(scope);
  let territory: RightsPreview['territory'] = null;
  let path: string[] = [];
  if (code) {
    const rows = (await db.query(
      `SELECT t.code, t.name, (SELECT count(*)::int FROM territory_ancestor a WHERE a.ancestor_code = t.code) AS count FROM territory t WHERE t.code = $1`,
      [code],
    )) as { code: string; name: string; count: number }[];
    if (!rows[0]) throw badInput('scope.territoryCode', `No territory "${code}".`);
    territory = rows[0];
    path = await territoryPath(db, code);
  }
  const policies = (await db.query(
    `SELECT p.id, p.name, coalesce(array_agg(pt.taxonomy_id) FILTER (WHERE pt.taxonomy_id IS NOT NULL), '{}') AS taxonomy_ids
     FROM policy p LEFT JOIN policy_taxonomy pt ON pt.policy_id = p.id WHERE p.status <> 'archived' GROUP BY p.id ORDER BY p.position, p.id`,
  )) as { id: string; name: string; taxonomy_ids: string[] }[];
  const readable = policies
    .filter((p) => ability.can('read', asSubject('Dashboard', { ...(code ? { territoryPath: path } : {}), policyId: p.id, taxonomyIds: p.taxonomy_ids })))
    .map((p) => ({ id: p.id, name: p.name }));
  const query = code ? `?territory=${encodeURIComponent(code)}` : '';
  const dashboardPath = readable.length === 1 ? `/policies/${encodeURIComponent(readable[0].id)}${query}` : `/${query}`;
  return { rules: role.permissions.map((rule) => ({ action: asList(rule.action), subject: asList(rule.subject) })), territory, policies: readable, dashboardPath };
}
