import path from 'node:path';
import { createTestIdentities, graphql, type TestIdentity, type TestIdentityName } from '@pilote/auth/testing';
import { loadReferential } from '@pilote/core';
import { sendJson, startSourceServer, type SourceServer } from '@pilote/module-sdk/testing';
import httpConnector from '@pilote/module-http-connector/server';
import { startSmtpTestServer } from '../../../libs/workflow/test/smtp-test-server';
import { startTestKit, type TestKit } from '../src/testing';
import { until } from '../../../libs/workflow/test/until';

const referential = path.join(__dirname, '../../../libs/core/test/fixtures/referential-small');
// Fast queue, a real SMTP server: the parked run's e-mail goes through the outbox like any notification.
const ENV = { PILOTE_JOBS_POLL_SECONDS: '0.5', PILOTE_JOBS_RETRY_DELAY_SECONDS: '1', SMTP_HOST: '127.0.0.1', SMTP_FROM: 'Instance <no-reply@test.gouv.fr>', PUBLIC_URL: 'https://pilote.test.gouv.fr' };

/** Issue 18 leftovers: creating a binding from the admin (field errors, draft preview) and telling its owner when a run is parked. */
describe('source bindings created from the admin; parked runs reported to their owner', () => {
  let kit: TestKit;
  let who: Record<TestIdentityName, TestIdentity>;
  let server: SourceServer;
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  let rows: Record<string, unknown>[] = [];
  const saved: Record<string, string | undefined> = {};
  const ask = (identity: TestIdentity, query: string, variables: Record<string, unknown> = {}) => graphql<Record<string, unknown>>(`${kit.url}/graphql`, query, variables, identity.headers);
  const input = (overrides: Record<string, unknown> = {}) => ({
    id: 'structures', name: 'Structures ouvertes (API)', source: 'http-connector/json', settings: JSON.stringify({ url: `${server.url}/values` }),
    indicatorColumn: 'ind', territoryColumn: 'zone', dateColumn: 'date', kindColumn: 'type', valueColumn: 'valeur', kindCodes: JSON.stringify({ actuelle: 'VA', cible: 'VC' }),
    schedule: '0 6 * * *', trusted: true, ...overrides,
  });
  const CREATE = 'mutation($input: SourceBindingInput!) { createSourceBinding(input: $input) { id source schedule trusted nextRunAt } }';
  const PREVIEW = 'mutation($input: SourceBindingInput!) { previewSourceBindingDraft(input: $input) { columns sample rowsRead valuesAccepted valuesRefused wouldWrite unchanged ratesChanged issues { code line column value } errorCode } }';
  const measures = async () => ((await kit.server.context.dataSource.query(`SELECT count(*)::int AS n FROM measure`)) as { n: number }[])[0].n;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    for (const [key, value] of Object.entries({ ...ENV, SMTP_PORT: String(smtp.port) })) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    kit = await startTestKit({ openDashboards: false, modules: [httpConnector] });
    await loadReferential(kit.server.context.dataSource, referential, { levels: ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'] });
    who = await createTestIdentities(kit.server.context.dataSource.manager);
    server = await startSourceServer((_request, response) => sendJson(response, rows));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await kit?.close();
    await smtp?.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  beforeEach(() => {
    rows = [
      { ind: 'I-SUM', zone: 'D13', date: '2024-12-31', type: 'actuelle', valeur: 12 },
      { ind: 'I-SUM', zone: 'D13', date: '2026-12-31', type: 'cible', valeur: 40 },
    ];
  });

  it('lists the sources the modules offer, with their settings keys (administrators only)', async () => {
    const result = await ask(who.admin, '{ availableSources { ref nameFr nameEn settingsKeys requiredSettings secretSettings } }');
    expect(result.errors).toBeUndefined();
    const json = (result.data?.availableSources as { ref: string; settingsKeys: string[]; requiredSettings: string[] }[]).find((source) => source.ref === 'http-connector/json');
    expect(json?.settingsKeys).toContain('url');
    expect(json?.requiredSettings).toContain('url');
    // The settings form comes from the connector's schema: one field per key, typed, with its label key.
    const fieldsOf = async (ref: string) => ((await ask(who.admin, '{ availableSources { ref settingsFields { name type required labelKey secret options default } } }')).data?.availableSources as { ref: string; settingsFields: Record<string, unknown>[] }[]).find((source) => source.ref === ref)?.settingsFields ?? [];
    const jsonFields = await fieldsOf('http-connector/json');
    expect(jsonFields).toEqual(expect.arrayContaining([
      { name: 'url', type: 'string', required: true, labelKey: 'http-connector:sources.json.settings.url.label', secret: false, options: [], default: null },
      { name: 'rowsPath', type: 'string', required: false, labelKey: 'http-connector:sources.json.settings.rowsPath.label', secret: false, options: [], default: '""' },
      expect.objectContaining({ name: 'pagination', type: 'json', required: false }),
    ]));
    expect((await fieldsOf('http-connector/grist')).find((field) => field.name === 'apiKeySecret')).toMatchObject({ type: 'string', required: true, secret: true });
    expect((await fieldsOf('http-connector/datagouv')).find((field) => field.name === 'pageSize')).toMatchObject({ type: 'integer', required: false, default: '50' });
    const refused = await ask(who.reader, '{ availableSources { ref } }');
    expect(refused.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    const create = await ask(who.regionalCoordinatorR84, CREATE, { input: input() });
    expect(create.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
  });

  it('a bad form comes back with every problem on its field; nothing is saved', async () => {
    const result = await ask(who.admin, CREATE, { input: input({ id: 'Bad Id', settings: JSON.stringify({ url: 'ftp://nope' }), territoryColumn: '', schedule: '0 25 * * *' }) });
    expect(result.data).toBeFalsy();
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const problems = (result.errors?.[0].extensions as { problems?: { field: string; path: string; message: string }[] } | undefined)?.problems ?? [];
    expect(problems.map((p) => p.field).sort()).toEqual(['id']);
    const second = await ask(who.admin, CREATE, { input: input({ settings: JSON.stringify({ url: 'ftp://nope' }), territoryColumn: '', schedule: '0 25 * * *' }) });
    const fields = ((second.errors?.[0].extensions as { problems?: { field: string; path: string; code: string }[] } | undefined)?.problems ?? []).map((p) => [p.field, p.path, p.code]);
    // Settings problems land on the field of their key (the form draws one per key), each with a code the page words.
    expect(fields).toEqual(expect.arrayContaining([['settings.url', 'settings.url', 'custom'], ['territoryColumn', 'mapping.columns.territory', 'required'], ['schedule', 'schedule', 'bad-cron']]));
    const badJson = await ask(who.admin, CREATE, { input: input({ settings: '{url:' }) });
    expect(badJson.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'settings', problems: [{ field: 'settings', code: 'invalid-json' }] });
    expect(badJson.errors?.[0].message).toContain('not valid JSON');
    const count = (await kit.server.context.dataSource.query(`SELECT count(*)::int AS n FROM source_binding`)) as { n: number }[];
    expect(count[0].n).toBe(0);
  });

  it('the draft preview reads the source, shows its first records and what would be written, and writes nothing', async () => {
    const before = await measures();
    const result = await ask(who.admin, PREVIEW, { input: input() });
    expect(result.errors).toBeUndefined();
    expect(result.data?.previewSourceBindingDraft).toMatchObject({
      columns: ['ind', 'zone', 'date', 'type', 'valeur'],
      sample: [['I-SUM', 'D13', '2024-12-31', 'actuelle', '12'], ['I-SUM', 'D13', '2026-12-31', 'cible', '40']],
      rowsRead: 2, valuesAccepted: 2, valuesRefused: 0, wouldWrite: 2, unchanged: 0, issues: [], errorCode: null,
    });
    rows.push({ ind: 'I-NOPE', zone: 'D13', date: '2024-12-31', type: 'actuelle', valeur: 1 });
    const refused = await ask(who.admin, PREVIEW, { input: input() });
    expect(refused.data?.previewSourceBindingDraft).toMatchObject({ valuesRefused: 1, issues: [{ code: 'unknownIndicator', line: 4, column: 'ind', value: 'I-NOPE' }] });
    const down = await ask(who.admin, PREVIEW, { input: input({ settings: JSON.stringify({ url: 'http://127.0.0.1:9/values' }) }) });
    expect(down.data?.previewSourceBindingDraft).toMatchObject({ rowsRead: 0, errorCode: 'SOURCE_UNREACHABLE' });
    expect(await measures()).toBe(before);
    const runs = (await kit.server.context.dataSource.query(`SELECT count(*)::int AS n FROM sync_run`)) as { n: number }[];
    expect(runs[0].n).toBe(0);
  });

  it('creates the binding with its schedule; the creator owns it; the same id twice is refused on the id field', async () => {
    const created = await ask(who.admin, CREATE, { input: input() });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createSourceBinding).toMatchObject({ id: 'structures', source: 'http-connector/json', schedule: '0 6 * * *', trusted: true });
    expect(created.data?.createSourceBinding).toHaveProperty('nextRunAt', expect.stringMatching(/T06:00:00/));
    const [binding] = (await kit.server.context.dataSource.query(`SELECT owner_ids, mapping FROM source_binding WHERE id = 'structures'`)) as { owner_ids: string[]; mapping: { kinds: Record<string, string> } }[];
    expect(binding.owner_ids).toEqual([who.admin.userId]);
    expect(binding.mapping.kinds).toEqual({ actuelle: 'VA', cible: 'VC' });
    const again = await ask(who.admin, CREATE, { input: input() });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', problems: [{ field: 'id', code: 'id-taken' }] });
    const [trail] = (await kit.server.context.dataSource.query(`SELECT actor_id, new FROM audit_log WHERE action = 'source-binding.created' AND subject_id = 'structures'`)) as { actor_id: string; new: { schedule: string; trusted: boolean } }[];
    expect(trail).toMatchObject({ actor_id: who.admin.userId, new: { schedule: '0 6 * * *', trusted: true } });
  });

  it('edits a binding: schedule, trust, enabled and mapping change, owners stay, audited before → after; a bad field is refused by code and nothing changes', async () => {
    const UPDATE = 'mutation($input: SourceBindingInput!) { updateSourceBinding(input: $input) { id schedule trusted enabled nextRunAt territoryColumn kindCodes settings } }';
    const bad = await ask(who.admin, UPDATE, { input: input({ schedule: 'every day', dateColumn: '' }) });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(((bad.errors?.[0].extensions as { problems: { field: string; code: string }[] }).problems).map((p) => [p.field, p.code]).sort()).toEqual([['dateColumn', 'required'], ['schedule', 'bad-cron']]);
    expect((await kit.server.context.dataSource.query(`SELECT schedule FROM source_binding WHERE id = 'structures'`)) as unknown[]).toEqual([{ schedule: '0 6 * * *' }]);
    const missing = await ask(who.admin, UPDATE, { input: input({ id: 'nope' }) });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const reader = await ask(who.reader, UPDATE, { input: input({ trusted: false }) });
    expect(reader.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    const changed = await ask(who.admin, UPDATE, { input: input({ schedule: '', trusted: false, enabled: false, territoryColumn: 'zone' }) });
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.updateSourceBinding).toMatchObject({ id: 'structures', schedule: null, trusted: false, enabled: false, nextRunAt: null, territoryColumn: 'zone', kindCodes: JSON.stringify({ actuelle: 'VA', cible: 'VC' }) });
    const [row] = (await kit.server.context.dataSource.query(`SELECT owner_ids, trusted, enabled FROM source_binding WHERE id = 'structures'`)) as { owner_ids: string[]; trusted: boolean; enabled: boolean }[];
    expect(row).toEqual({ owner_ids: [who.admin.userId], trusted: false, enabled: false });
    const trail = (await kit.server.context.dataSource.query(`SELECT old, new FROM audit_log WHERE action = 'source-binding.updated' AND subject_id = 'structures'`)) as { old: { trusted: boolean; schedule: string | null }; new: { trusted: boolean; schedule: string | null } }[];
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ old: { trusted: true, schedule: '0 6 * * *' }, new: { trusted: false, schedule: null } });
    // Back as the next tests expect it.
    expect((await ask(who.admin, UPDATE, { input: input() })).errors).toBeUndefined();
  });

  it('deletes a binding that never ran; the same id may be used again', async () => {
    const DELETE = 'mutation($id: ID!) { deleteSourceBinding(id: $id) { id outcome reason runs values } }';
    expect((await ask(who.admin, CREATE, { input: input({ id: 'brouillon' }) })).errors).toBeUndefined();
    expect((await ask(who.reader, DELETE, { id: 'brouillon' })).errors?.[0].extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    const removed = await ask(who.admin, DELETE, { id: 'brouillon' });
    expect(removed.data?.deleteSourceBinding).toEqual({ id: 'brouillon', outcome: 'deleted', reason: null, runs: 0, values: 0 });
    expect((await kit.server.context.dataSource.query(`SELECT id FROM source_binding WHERE id = 'brouillon'`)) as unknown[]).toHaveLength(0);
    expect((await kit.server.context.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'source-binding.deleted' AND subject_id = 'brouillon'`)) as unknown[]).toEqual([{ n: 1 }]);
    expect((await ask(who.admin, DELETE, { id: 'brouillon' })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect((await ask(who.admin, CREATE, { input: input({ id: 'brouillon' }) })).errors).toBeUndefined();
    expect((await ask(who.admin, DELETE, { id: 'brouillon' })).data?.deleteSourceBinding).toMatchObject({ outcome: 'deleted' });
  });

  it('a run with refused values is parked: its owner gets one notification and one e-mail, and nothing is written', async () => {
    const before = await measures();
    rows.push({ ind: 'I-NOPE', zone: 'D13', date: '2024-12-31', type: 'actuelle', valeur: 1 });
    expect((await ask(who.admin, 'mutation { runSourceBindingNow(bindingId: "structures") }')).data?.runSourceBindingNow).toBe(true);
    const notifications = await until('the parked-run notification and its e-mail', async () => {
      const found = (await kit.server.context.dataSource.query(`SELECT user_id, params, link, emailed_at FROM notification WHERE kind = 'sync.parked'`)) as { user_id: string; params: Record<string, unknown>; link: string; emailed_at: Date | null }[];
      return found.length > 0 && found.every((n) => n.emailed_at) ? found : null;
    });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ user_id: who.admin.userId, link: '/admin/sources', params: { whatKey: 'sync.invalid', binding: 'Structures ouvertes (API)', refused: 1, line: 4, column: 'ind', cell: 'I-NOPE' } });
    const mails = smtp.received.filter((mail) => mail.to.includes('admin@test.gouv.fr'));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('Synchronisation arrêtée : Structures ouvertes (API)');
    expect(mails[0].text).toContain('1 valeur(s) refusée(s), la première à l’enregistrement 4, colonne « ind » : « I-NOPE »');
    expect(mails[0].text).toContain('https://pilote.test.gouv.fr/admin/sources');
    const inbox = await ask(who.admin, '{ myNotifications { kind title } }');
    expect((inbox.data?.myNotifications as { kind: string; title: string }[]).filter((n) => n.kind === 'sync.parked')).toEqual([{ kind: 'sync.parked', title: 'Synchronisation arrêtée : Structures ouvertes (API)' }]);
    expect(await measures()).toBe(before);
  });

  it('a run that publishes tells nobody', async () => {
    expect((await ask(who.admin, 'mutation { runSourceBindingNow(bindingId: "structures") }')).data?.runSourceBindingNow).toBe(true);
    await until('the published run', async () => {
      const [run] = (await kit.server.context.dataSource.query(`SELECT status FROM sync_run WHERE binding_id = 'structures' ORDER BY started_at DESC LIMIT 1`)) as { status: string }[];
      return run?.status === 'published';
    });
    // The parked-notification job is queued in the run job itself, before it ends: nothing more can come.
    const count = (await kit.server.context.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'sync.parked'`)) as { n: number }[];
    expect(count[0].n).toBe(1);
  });

  it('the explanation of a value from the binding says which source, when it was last synchronised, and its address', async () => {
    const result = await ask(who.admin, 'query($id: ID!) { explanation(id: $id) { inputs { provenance territoryCode date source { bindingId name syncedAt url } } steps { inputs { provenance source { name } } } } }', { id: 'indicator:I-SUM:D13:current' });
    expect(result.errors).toBeUndefined();
    const inputs = (result.data?.explanation as { inputs: { provenance: string; date: string; source: { bindingId: string; name: string; syncedAt: string; url: string } | null }[] }).inputs;
    const fromSource = inputs.filter((input) => input.provenance === 'connector');
    expect(fromSource.length).toBeGreaterThan(0);
    const [run] = (await kit.server.context.dataSource.query(`SELECT to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at FROM sync_run WHERE binding_id = 'structures' AND status = 'published'`)) as { at: string }[];
    expect(fromSource[0].source).toEqual({ bindingId: 'structures', name: 'Structures ouvertes (API)', syncedAt: run.at, url: `${server.url}/values` });
    expect(inputs.filter((input) => input.provenance !== 'connector').every((input) => input.source === null)).toBe(true);
  });

  it('deleting a binding whose runs published values archives it: unlisted, not run, its values keep their source', async () => {
    const removed = await ask(who.admin, 'mutation { deleteSourceBinding(id: "structures") { id outcome reason runs values } }');
    expect(removed.errors).toBeUndefined();
    expect(removed.data?.deleteSourceBinding).toMatchObject({ id: 'structures', outcome: 'archived', reason: 'values-published', runs: 2, values: 2 });
    const listed = await ask(who.admin, '{ sourceBindings { id } }');
    expect(listed.data?.sourceBindings).toEqual([]);
    expect((await ask(who.admin, 'mutation { runSourceBindingNow(bindingId: "structures") }')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await ask(who.admin, CREATE, { input: input() })).errors?.[0].extensions).toMatchObject({ field: 'id', problems: [{ code: 'id-taken' }] });
    const [trail] = (await kit.server.context.dataSource.query(`SELECT new FROM audit_log WHERE action = 'source-binding.archived' AND subject_id = 'structures'`)) as { new: unknown }[];
    expect(trail.new).toEqual({ reason: 'values-published', runs: 2, values: 2 });
    const explained = await ask(who.admin, 'query($id: ID!) { explanation(id: $id) { inputs { provenance source { bindingId } } } }', { id: 'indicator:I-SUM:D13:current' });
    expect((explained.data?.explanation as { inputs: { provenance: string; source: { bindingId: string } | null }[] }).inputs.find((i) => i.provenance === 'connector')?.source).toEqual({ bindingId: 'structures' });
  });
});
