import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../audit/audit';
import { CSRF_HEADER } from '../guards/auth.guard';
import { createSession } from '../sessions/session-store';
import { sessionCookieName } from '../sessions/session-cookie';
import { createApiToken } from '../tokens/api-token.service';

export interface TestIdentitySpec {
  email: string;
  roleId: string;
  /** Territory code of the assignment's scope; absent = scope "all". */
  territory?: string;
}

/** Ready-made identities for permission tests (anonymous is simply "no Authorization header"). */
export const TEST_IDENTITY_SPECS = {
  admin: { email: 'admin@test.gouv.fr', roleId: 'admin' },
  nationalSteering: { email: 'national@test.gouv.fr', roleId: 'national-steering' },
  regionalCoordinatorR84: { email: 'coordinator.r84@test.gouv.fr', roleId: 'regional-coordinator', territory: 'R84' },
  departmentalCoordinatorD13: { email: 'coordinator.d13@test.gouv.fr', roleId: 'departmental-coordinator', territory: 'D13' },
  departmentalAgentD13: { email: 'agent.d13@test.gouv.fr', roleId: 'deconcentrated-service', territory: 'D13' },
  reader: { email: 'reader@test.gouv.fr', roleId: 'reader' },
  outOfScopeAgentD29: { email: 'agent.d29@test.gouv.fr', roleId: 'deconcentrated-service', territory: 'D29' },
} satisfies Record<string, TestIdentitySpec>;

export type TestIdentityName = keyof typeof TEST_IDENTITY_SPECS | 'anonymous';

export interface TestIdentity {
  name: TestIdentityName;
  userId: string | null;
  email: string | null;
  /** Headers to act as this identity: a bearer token with every scope (so it has its owner's rights). */
  headers: Record<string, string>;
  /** Headers of a signed-in browser session (cookie + CSRF token), for what tokens may not do (rights, token creation). */
  sessionHeaders: Record<string, string>;
}

/** Creates the users, their assignments, one full-scope token and one session each (test apps use plain-http cookies). */
export async function createTestIdentities(db: EntityManager): Promise<Record<TestIdentityName, TestIdentity>> {
  const result = { anonymous: { name: 'anonymous', userId: null, email: null, headers: {}, sessionHeaders: {} } } as Record<TestIdentityName, TestIdentity>;
  for (const [name, spec] of Object.entries(TEST_IDENTITY_SPECS) as [keyof typeof TEST_IDENTITY_SPECS, TestIdentitySpec][]) {
    const [user] = (await db.query(`INSERT INTO app_user (email, given_name, usual_name) VALUES ($1, 'Test', $2) RETURNING id`, [spec.email, name])) as { id: string }[];
    await db.query(`INSERT INTO assignment (user_id, role_id, scope_kind, scope_territory_code) VALUES ($1, $2, $3, $4)`, [
      user.id, spec.roleId, spec.territory ? 'territory' : 'all', spec.territory ?? null,
    ]);
    const { secret } = await createApiToken(db, { userId: user.id, name: 'tests', ttlDays: 1, scopes: ['read', 'write', 'import'], actor: SYSTEM_ACTOR });
    const { cookieValue, session } = await createSession(db, { userId: user.id, ttlSeconds: 3600, data: { via: 'demo' } });
    const sessionHeaders = { cookie: `${sessionCookieName({ secureCookies: false })}=${cookieValue}`, [CSRF_HEADER]: session.csrfToken };
    result[name] = { name, userId: user.id, email: spec.email, headers: { authorization: `Bearer ${secret}` }, sessionHeaders };
  }
  return result;
}
