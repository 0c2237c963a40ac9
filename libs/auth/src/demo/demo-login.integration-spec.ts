import { testInstance } from '@pilote/core/testing';
import { startAuthTestApp } from '../testing/auth-test-app';
import { CookieJar } from '../testing/cookie-jar';
import { graphql } from '../testing/graphql-client';

const post = (jar: CookieJar, url: string, body: unknown) => jar.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('demo login', () => {
  it('signs in as the seeded demo user of a role on a demo instance, and opens dashboards to visitors', async () => {
    const api = await startAuthTestApp({ instance: testInstance({ demoMode: true }) });
    try {
      const roles = (await api.context.dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE demo`)) as { n: number }[];
      expect(roles[0].n).toBe(14); // one per role but "public"
      const jar = new CookieJar();
      const response = await post(jar, `${api.url}/auth/demo-login`, { role: 'regional-coordinator' });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { demo: boolean; csrfToken: string };
      expect(body.demo).toBe(true);
      const me = (await (await jar.fetch(`${api.url}/auth/me`)).json()) as { user: { email: string }; assignments: { roleId: string; scope: { territoryCode: string } }[]; demoLogin: boolean };
      expect(me.user.email).toBe('demo.regional-coordinator@pilote.invalid');
      expect(me.assignments).toEqual([{ roleId: 'regional-coordinator', scope: { kind: 'territory', territoryCode: 'R84' } }]);
      expect(me.demoLogin).toBe(true);
      const visitor = (await (await fetch(`${api.url}/auth/me`)).json()) as { demoRoles: { id: string }[] };
      expect(visitor.demoRoles.map((r) => r.id)).toEqual(expect.arrayContaining(['admin', 'regional-coordinator', 'reader']));
      expect(visitor.demoRoles).toHaveLength(14);
      const anonymous = await graphql(api.url, '{ territories(level: "REG") { totalCount } }');
      expect(anonymous.errors).toBeUndefined();
      const audit = (await api.context.dataSource.query(`SELECT action FROM audit_log WHERE subject_id = 'public'`)) as { action: string }[];
      expect(audit.map((a) => a.action)).toContain('role.updated');
      const unknown = await post(new CookieJar(), `${api.url}/auth/demo-login`, { email: 'someone@example.gouv.fr' });
      expect(unknown.status).toBe(404);
    } finally {
      await api.close();
    }
  });

  it('does not exist on a normal instance, nor when NODE_ENV=production', async () => {
    const normal = await startAuthTestApp();
    try {
      const response = await post(new CookieJar(), `${normal.url}/auth/demo-login`, { role: 'admin' });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { message: string }).message).toMatch(/no demo login/i);
    } finally {
      await normal.close();
    }
    const production = await startAuthTestApp({ instance: testInstance({ demoMode: true }), settings: () => ({ production: true }) });
    try {
      expect((await post(new CookieJar(), `${production.url}/auth/demo-login`, { role: 'admin' })).status).toBe(404);
      const users = (await production.context.dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE demo`)) as { n: number }[];
      expect(users[0].n).toBe(0);
    } finally {
      await production.close();
    }
  });
});
