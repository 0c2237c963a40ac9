import { createTestIdentities, type TestIdentity, type TestIdentityName } from '@pilote/auth/testing';
import { readKitVersion } from '@pilote/core';
import { testInstance } from '@pilote/core/testing';
import { applyStoredSettings } from '../src/modules-admin/apply-stored-settings';
import { loadInstanceModules } from '../src/modules/load-instance-modules';
import { startTestKit, type TestKit } from '../src/testing';
import { settingsDemoModule } from './fixtures/settings-demo.module';

type Issue = { path: string; message: string };
type Module = { id: string; settings: Record<string, unknown>; overrides: Record<string, unknown> | null; hasOverrides: boolean; restartNeeded: boolean; settingsForm: { fields: { key: string; kind: string; required: boolean }[] } | null; publicSettings: Record<string, unknown> };

const FIELDS = 'id version displayName description settings overrides hasOverrides restartNeeded settingsForm publicSettings';
const MODULES = `{ modules { ${FIELDS} } }`;
const UPDATE = `mutation($moduleId: String!, $settings: JSON!) { updateModuleSettings(moduleId: $moduleId, settings: $settings) { ${FIELDS} } }`;
const RESET = `mutation($moduleId: String!) { resetModuleSettings(moduleId: $moduleId) { ${FIELDS} } }`;
const PUBLIC = '{ instance { modules { id publicSettings } } }';

/** Module settings on the admin page: who may read and change them, validation, audit, reset, web and server parts. */
describe('module settings (GraphQL modules / updateModuleSettings / resetModuleSettings)', () => {
  let kit: TestKit;
  let who: Record<TestIdentityName, TestIdentity>;
  const instance = testInstance();
  const given = [{ manifest: settingsDemoModule, settings: { greeting: 'Salut', apiKey: 'secret-key-1' } }];

  beforeAll(async () => {
    kit = await startTestKit({ instance, modules: given });
    who = await createTestIdentities(kit.server.context.dataSource.manager);
  });
  afterAll(() => kit?.close());

  const db = () => kit.server.context.dataSource;
  const stored = async () => (await db().query(`SELECT settings, updated_by FROM module_setting WHERE module_id = 'settings-demo'`)) as { settings: Record<string, unknown>; updated_by: string | null }[];
  const audits = async () => (await db().query(`SELECT action, actor_id, old, new FROM audit_log WHERE subject_type = 'ModuleSettings' ORDER BY id`)) as { action: string; actor_id: string; old: unknown; new: unknown }[];
  const demo = (list: Module[] | undefined) => list?.find((module) => module.id === 'settings-demo');
  const publicOf = async () => ((await kit.graphql<{ instance: { modules: { id: string; publicSettings: Record<string, unknown> }[] } }>(PUBLIC)).data?.instance.modules ?? []).find((module) => module.id === 'settings-demo')?.publicSettings;

  it('lets an administrator read the modules, their effective settings and the generated form', async () => {
    const result = await kit.graphql<{ modules: Module[] }>(MODULES, {}, who.admin.headers);
    expect(result.errors).toBeUndefined();
    const module = demo(result.data?.modules)!;
    expect(module.settings).toEqual({ greeting: 'Salut', limit: 3, showBanner: true, layout: 'full', pages: ['home'], apiKey: 'secret-key-1' });
    expect(module.hasOverrides).toBe(false);
    expect(module.settingsForm?.fields.map((field) => `${field.key}:${field.kind}`)).toEqual(['greeting:string', 'limit:integer', 'showBanner:boolean', 'layout:enum', 'pages:enum-list', 'apiKey:string']);
  });

  it('refuses everyone else: FORBIDDEN for signed-in users without the right, UNAUTHENTICATED for visitors, and tokens cannot change', async () => {
    const outcome = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => (result.errors?.[0]?.extensions?.code as string | undefined) ?? 'ok';
    const names: TestIdentityName[] = ['admin', 'nationalSteering', 'regionalCoordinatorR84', 'departmentalAgentD13', 'reader', 'anonymous'];
    const read: Record<string, string> = {};
    const change: Record<string, string> = {};
    for (const name of names) {
      read[name] = outcome(await kit.graphql(MODULES, {}, who[name].headers));
      change[name] = outcome(await kit.graphql(RESET, { moduleId: 'settings-demo' }, who[name].sessionHeaders));
    }
    expect(read).toEqual({ admin: 'ok', nationalSteering: 'FORBIDDEN', regionalCoordinatorR84: 'FORBIDDEN', departmentalAgentD13: 'FORBIDDEN', reader: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' });
    expect(change).toEqual({ admin: 'ok', nationalSteering: 'FORBIDDEN', regionalCoordinatorR84: 'FORBIDDEN', departmentalAgentD13: 'FORBIDDEN', reader: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' });
    // An administrator's API token reads, but `manage` needs a signed-in session.
    expect(outcome(await kit.graphql(UPDATE, { moduleId: 'settings-demo', settings: { limit: 5 } }, who.admin.headers))).toBe('FORBIDDEN');
    expect(await stored()).toEqual([]);
  });

  it('refuses invalid settings with every problem and its path, storing nothing', async () => {
    const before = (await audits()).length;
    const result = await kit.graphql(UPDATE, { moduleId: 'settings-demo', settings: { greeting: 'x', limit: 50, layout: 'wide', colour: 'red' } }, who.admin.sessionHeaders);
    expect(result.data).toBeNull();
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    const issues = error?.extensions?.issues as Issue[];
    expect(issues.map((issue) => issue.path).sort()).toEqual(['colour', 'greeting', 'layout', 'limit']);
    expect(issues.find((issue) => issue.path === 'limit')?.message).toMatch(/10/);
    expect(error?.message).toMatch(/settings-demo/);
    expect(await stored()).toEqual([]);
    expect((await audits()).length).toBe(before);
    const notAnObject = await kit.graphql(UPDATE, { moduleId: 'settings-demo', settings: [1, 2] }, who.admin.sessionHeaders);
    expect(notAnObject.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await kit.graphql(UPDATE, { moduleId: 'nope', settings: {} }, who.admin.sessionHeaders);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('stores only what differs from the instance file, audits old → new, and serves the public keys to the web at once', async () => {
    expect(await publicOf()).toEqual({ limit: 3, showBanner: true, layout: 'full', pages: ['home'] });
    const settings = { greeting: 'Salut', limit: 5, showBanner: false, layout: 'full', pages: ['home', 'policy'], apiKey: 'secret-key-1' };
    const result = await kit.graphql<{ updateModuleSettings: Module }>(UPDATE, { moduleId: 'settings-demo', settings }, who.admin.sessionHeaders);
    expect(result.errors).toBeUndefined();
    const module = result.data!.updateModuleSettings;
    expect(module.overrides).toEqual({ limit: 5, showBanner: false, pages: ['home', 'policy'] });
    expect(module.settings).toEqual(settings);
    expect(module.hasOverrides).toBe(true);
    // The server part applied them before the mutation answered.
    expect(module.restartNeeded).toBe(false);
    const rows = await stored();
    expect(rows).toEqual([{ settings: { limit: 5, showBanner: false, pages: ['home', 'policy'] }, updated_by: who.admin.userId }]);
    const trail = await audits();
    expect(trail.at(-1)).toEqual({ action: 'module-settings.updated', actor_id: who.admin.userId, old: null, new: { limit: 5, showBanner: false, pages: ['home', 'policy'] } });
    const publicSettings = await publicOf();
    expect(publicSettings).toEqual({ limit: 5, showBanner: false, layout: 'full', pages: ['home', 'policy'] });
    expect(JSON.stringify(await kit.graphql(PUBLIC))).not.toContain('secret-key-1');
  });

  it('applies a change to the running server part at once (live settings), and stored overrides at the next start', async () => {
    await kit.graphql(UPDATE, { moduleId: 'settings-demo', settings: { greeting: 'Hello', limit: 5, showBanner: false, pages: ['home', 'policy'] } }, who.admin.sessionHeaders);
    const running = await kit.graphql<{ settingsDemoGreeting: string; settingsDemoGreetingAtStart: string }>('{ settingsDemoGreeting settingsDemoGreetingAtStart }');
    // A server part reading `live.current()` follows the change; the value handed at start stays what it was.
    expect(running.data).toEqual({ settingsDemoGreeting: 'Hello', settingsDemoGreetingAtStart: 'Salut' });
    const list = await kit.graphql<{ modules: Module[] }>(MODULES, {}, who.admin.headers);
    expect(demo(list.data?.modules)?.restartNeeded).toBe(false);
    const lines: string[] = [];
    const modules = loadInstanceModules(instance, { kitVersion: readKitVersion(), given });
    const next = await applyStoredSettings(kit.server.context, modules, (line) => lines.push(line));
    expect(next.modules.find((module) => module.id === 'settings-demo')?.settings).toMatchObject({ greeting: 'Hello', limit: 5, apiKey: 'secret-key-1' });
    expect(lines).toEqual([]);
    // An override the schema now refuses (e.g. after an upgrade) is skipped with a warning, and the kit still starts.
    await db().query(`UPDATE module_setting SET settings = '{"limit": 99}' WHERE module_id = 'settings-demo'`);
    const stale = await applyStoredSettings(kit.server.context, modules, (line) => lines.push(line));
    expect(stale.modules.find((module) => module.id === 'settings-demo')?.settings).toMatchObject({ greeting: 'Salut', limit: 3 });
    expect(lines).toEqual([expect.stringMatching(/settings-demo.*limit.*\/admin\/modules/)]);
  });

  it('resets to the instance file, audited, and a second reset changes nothing', async () => {
    await kit.graphql(UPDATE, { moduleId: 'settings-demo', settings: { limit: 7 } }, who.admin.sessionHeaders);
    const before = (await audits()).length;
    const result = await kit.graphql<{ resetModuleSettings: Module }>(RESET, { moduleId: 'settings-demo' }, who.admin.sessionHeaders);
    expect(result.errors).toBeUndefined();
    expect(result.data!.resetModuleSettings).toMatchObject({ hasOverrides: false, overrides: null, settings: { greeting: 'Salut', limit: 3, apiKey: 'secret-key-1' } });
    expect(await stored()).toEqual([]);
    const trail = await audits();
    expect(trail.length).toBe(before + 1);
    expect(trail.at(-1)).toMatchObject({ action: 'module-settings.reset', old: { limit: 7 }, new: null });
    await kit.graphql(RESET, { moduleId: 'settings-demo' }, who.admin.sessionHeaders);
    expect((await audits()).length).toBe(before + 1);
    expect(await publicOf()).toEqual({ limit: 3, showBanner: true, layout: 'full', pages: ['home'] });
    expect((await kit.graphql<{ settingsDemoGreeting: string }>('{ settingsDemoGreeting }')).data?.settingsDemoGreeting).toBe('Salut');
  });
});
