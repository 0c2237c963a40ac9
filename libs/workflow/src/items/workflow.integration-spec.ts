import { graphql } from '@pilote/auth/testing';
import { AS_OF, ITEM_FIELDS, rate, startWorkflowApp, type WorkflowTestApp } from '../../test/support';
import { startSmtpTestServer } from '../../test/smtp-test-server';

type Item = { id: string; state: string; reason: string | null; nextSteps: string[] };
const PROPOSE = `mutation($input: ValueProposalInput!, $submit: Boolean!) { proposeValue(input: $input, submit: $submit) { ${ITEM_FIELDS} } }`;
const step = (name: string, extra = '') => `mutation($id: ID!${extra ? ', $reason: String!' : ''}) { ${name}(id: $id${extra ? ', reason: $reason' : ''}) { ${ITEM_FIELDS} } }`;
const value = (v: number, over: Record<string, unknown> = {}) => ({ input: { indicatorId: 'IND-W', territoryCode: 'D13', kind: 'VA', date: '2024-09-30', value: v, ...over }, submit: true });
const NOTIFICATIONS = `query($locale: String) { myNotifications(locale: $locale) { id kind title body link readAt } }`;

describe('data entry workflow (GraphQL, rights, rates, notifications, e-mail)', () => {
  let app: WorkflowTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;

  beforeAll(async () => {
    smtp = await startSmtpTestServer({ users: { pilote: 's3cret-smtp' } });
    app = await startWorkflowApp({ mail: { host: '127.0.0.1', port: smtp.port, secure: false, user: 'pilote', password: 's3cret-smtp', from: 'PILOTE <pilote@test.gouv.fr>' } });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('propose → submit → validate → publish: the value counts in the rates only once published, and everyone concerned is told', async () => {
    expect(await rate(app.context.dataSource, 'indicator_state', 'IND-W', 'D13')).toBe(25);
    const proposed = await app.as<{ proposeValue: Item }>('departmentalAgentD13', PROPOSE, value(30));
    expect(proposed.errors).toBeUndefined();
    const item = proposed.data!.proposeValue;
    expect(item).toMatchObject({ state: 'submitted', nextSteps: ['validate', 'refuse'] });
    expect(await rate(app.context.dataSource, 'indicator_state', 'IND-W', 'D13')).toBe(25);

    // The validators of D13 (the closest scope) are notified in the app and by e-mail, in French.
    const mail = await smtp.waitFor((m) => m.to.includes('coordinator.d13@test.gouv.fr'));
    expect(mail.to).toEqual(['coordinator.d13@test.gouv.fr']);
    expect(mail.auth).toEqual({ username: 'pilote', password: 's3cret-smtp' });
    expect(mail.subject).toBe('[Instance de test] À valider : la valeur actuelle de « Indicateur W » – Bouches-du-Rhône (D13)');
    expect(mail.text).toContain('a proposé la valeur actuelle de « Indicateur W » pour Bouches-du-Rhône (D13) (Politique de test du workflow) : 30.');
    expect(mail.text).toContain('https://pilote.test.gouv.fr/entry?territory=D13&policy=POL-W');
    expect(mail.raw).not.toContain('s3cret-smtp');
    expect(smtp.received.some((m) => m.to.includes('coordinator.r84@test.gouv.fr') || m.to.includes('national@test.gouv.fr'))).toBe(false);
    const inbox = await app.as<{ myNotifications: { kind: string; title: string; link: string }[] }>('departmentalCoordinatorD13', NOTIFICATIONS);
    expect(inbox.data!.myNotifications).toEqual([expect.objectContaining({ kind: 'item.submitted', link: '/entry?territory=D13&policy=POL-W' })]);

    // Shown beside the official value, with its effect on the rates (computed, rolled back).
    const sheet = await app.as<{ entrySheet: { indicators: { official: { currentValue: number; globalRate: number }; proposals: { id: string }[] }[]; effect: { scope: string; territoryCode: string; before: { global: number }; after: { global: number } }[] } }>(
      'departmentalCoordinatorD13',
      `{ entrySheet(territoryCode: "D13", policyId: "POL-W") { indicators { official { currentValue globalRate } proposals { id } } effect { scope territoryCode before { global } after { global } } } }`,
    );
    expect(sheet.errors).toBeUndefined();
    expect(sheet.data!.entrySheet.indicators[0]).toMatchObject({ official: { currentValue: 20, globalRate: 25 }, proposals: [{ id: item.id }] });
    expect(sheet.data!.entrySheet.effect).toContainEqual(expect.objectContaining({ scope: 'policy', territoryCode: 'D13', before: { global: 25 }, after: { global: 50 } }));
    expect(await rate(app.context.dataSource, 'policy_state', 'POL-W', 'D13')).toBe(25);

    // A departmental coordinator validates but may not publish; national steering publishes.
    const validated = await app.as<{ validateWorkflowItem: Item }>('departmentalCoordinatorD13', step('validateWorkflowItem'), { id: item.id });
    expect(validated.data!.validateWorkflowItem.state).toBe('validated');
    const notAllowed = await app.as('departmentalCoordinatorD13', step('publishWorkflowItem'), { id: item.id });
    expect(notAllowed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const published = await app.as<{ publishWorkflowItem: Item }>('nationalSteering', step('publishWorkflowItem'), { id: item.id });
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishWorkflowItem.state).toBe('published');
    expect(await rate(app.context.dataSource, 'indicator_state', 'IND-W', 'D13')).toBe(50);
    expect(await rate(app.context.dataSource, 'policy_state', 'POL-W', 'D13')).toBe(50);
    const [written] = await app.context.dataSource.query(`SELECT value, state, provenance, author_id FROM measure WHERE batch_id = $1`, [`workflow:${item.id}`]);
    expect(written).toMatchObject({ value: 30, state: 'published', provenance: 'user', author_id: app.ids.departmentalAgentD13.userId });

    // The author hears of both decisions.
    const authorMails = await smtp.waitFor((m) => m.to.includes('agent.d13@test.gouv.fr') && m.subject.includes('Publié'));
    expect(authorMails.text).toContain('est publiée');
    expect(smtp.received.filter((m) => m.to.includes('agent.d13@test.gouv.fr')).map((m) => m.subject.split(' : ')[0])).toEqual(['[Instance de test] Validé', '[Instance de test] Publié']);

    // Every step is in the audit log: who, old → new.
    const trail = (await app.context.dataSource.query(`SELECT action, actor_id, old, new FROM audit_log WHERE subject_id IN ($1, $2) ORDER BY id`, [item.id, 'IND-W|D13|VA|2024-09-30'])) as { action: string; actor_id: string; old: unknown; new: unknown }[];
    expect(trail.map((t) => [t.action, t.actor_id])).toEqual([
      ['workflow.submitted', app.ids.departmentalAgentD13.userId],
      ['workflow.validated', app.ids.departmentalCoordinatorD13.userId],
      ['measure.published', app.ids.nationalSteering.userId],
      ['workflow.published', app.ids.nationalSteering.userId],
    ]);
    expect(trail[2]).toMatchObject({ old: null, new: { value: 30 } });
    expect(trail[1]).toMatchObject({ old: { state: 'submitted' }, new: { state: 'validated' } });
  });

  it('refuses with a reason only; the author gets it (in English when they chose English), fixes and resubmits', async () => {
    await app.as('departmentalAgentD13', `mutation { setNotificationPreferences(locale: "en") { locale } }`);
    const { data } = await app.as<{ proposeValue: Item }>('departmentalAgentD13', PROPOSE, value(3000, { kind: 'VC', date: '2025-12-31' }));
    const id = data!.proposeValue.id;
    const noReason = await app.as('departmentalCoordinatorD13', step('refuseWorkflowItem', 'reason'), { id, reason: '   ' });
    expect(noReason.errors?.[0]).toMatchObject({ extensions: { reason: 'REASON_REQUIRED' } });
    const refused = await app.as<{ refuseWorkflowItem: Item }>('departmentalCoordinatorD13', step('refuseWorkflowItem', 'reason'), { id, reason: 'Cible sans rapport avec la trajectoire 2024 (3000 au lieu de 60 ?)' });
    expect(refused.data!.refuseWorkflowItem).toMatchObject({ state: 'refused', reason: 'Cible sans rapport avec la trajectoire 2024 (3000 au lieu de 60 ?)' });
    const mail = await smtp.waitFor((m) => m.to.includes('agent.d13@test.gouv.fr') && m.subject.includes('Refused'));
    expect(mail.subject).toBe('[Test instance] Refused: the target of “Indicateur W” – Bouches-du-Rhône (D13)');
    expect(mail.text).toContain('Reason: Cible sans rapport avec la trajectoire 2024 (3000 au lieu de 60 ?)');
    const inbox = await app.as<{ myNotifications: { kind: string; body: string }[] }>('departmentalAgentD13', NOTIFICATIONS);
    expect(inbox.data!.myNotifications[0]).toMatchObject({ kind: 'item.refused', body: expect.stringContaining('Reason: Cible sans rapport') });

    const fixed = await app.as<{ updateWorkflowItem: Item }>('departmentalAgentD13', `mutation($id: ID!) { updateWorkflowItem(id: $id, input: { value: 60 }, submit: true) { ${ITEM_FIELDS} } }`, { id });
    expect(fixed.data!.updateWorkflowItem).toMatchObject({ state: 'submitted', value: 60, reason: null });
    // The refusal and the resubmission are traced with the old and new values.
    const [resubmitted] = await app.context.dataSource.query(`SELECT old, new FROM audit_log WHERE subject_id = $1 ORDER BY id DESC LIMIT 1`, [id]);
    expect(resubmitted).toMatchObject({ old: { state: 'refused', payload: { value: 3000 } }, new: { state: 'submitted', payload: { value: 60 } } });
  });

  it('enforces rights per territory: an agent of D29 can neither propose nor validate in D13', async () => {
    const { data } = await app.as<{ proposeValue: Item }>('departmentalAgentD13', PROPOSE, value(31, { date: '2024-10-31' }));
    const id = data!.proposeValue.id;
    const proposeOutside = await app.as('outOfScopeAgentD29', PROPOSE, value(99));
    expect(proposeOutside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const who of ['outOfScopeAgentD29', 'departmentalAgentD13', 'reader', 'regionalCoordinatorR84'] as const) {
      const attempt = await app.as(who, step('validateWorkflowItem'), { id });
      expect([who, attempt.errors?.[0].extensions?.code]).toEqual([who, 'FORBIDDEN']);
    }
    expect((await app.as('anonymous', PROPOSE, value(1))).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await app.as('reader', PROPOSE, value(1))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [row] = await app.context.dataSource.query(`SELECT state FROM workflow_item WHERE id = $1`, [id]);
    expect(row.state).toBe('submitted');
    // Cookie sessions need the CSRF header for mutations.
    const { cookie } = app.ids.departmentalAgentD13.sessionHeaders;
    const noCsrf = await graphql(app.url, PROPOSE, value(5), { cookie });
    expect(noCsrf.errors?.[0].extensions?.reason ?? noCsrf.error).toBe('CSRF_TOKEN_INVALID');
  });

  it('answers bad input with the field at fault and writes nothing', async () => {
    const [{ n: before }] = await app.context.dataSource.query(`SELECT count(*)::int AS n FROM workflow_item`);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ indicatorId: 'NOPE' }, 'indicatorId', 'Unknown or archived indicator "NOPE"'],
      [{ territoryCode: 'R93' }, 'kind', 'computed from the level below'],
      [{ date: '2024-02-31' }, 'date', '"2024-02-31" is not a date'],
      [{ kind: 'VX' }, 'kind', 'Unknown kind "VX"'],
      [{ territoryCode: 'D13', value: Number.NaN }, 'value', ''],
    ];
    for (const [over, field, message] of cases) {
      const result = await app.as('nationalSteering', PROPOSE, value(1, over));
      expect(result.errors?.[0]).toBeDefined();
      if (field !== 'value') expect([field, result.errors![0].extensions?.field, result.errors![0].message]).toEqual([field, field, expect.stringContaining(message)]);
    }
    const [{ n: after }] = await app.context.dataSource.query(`SELECT count(*)::int AS n FROM workflow_item`);
    expect(after).toBe(before);
  });

  it('takes météo + synthesis through the same steps; published, it is the official météo', async () => {
    const proposed = await app.as<{ proposeNarrative: Item }>('departmentalAgentD13', `mutation { proposeNarrative(input: { policyId: "POL-W", territoryCode: "D13", kind: "weather", weather: "CLOUDY", body: "Retard de livraison des équipements." }) { ${ITEM_FIELDS} } }`);
    expect(proposed.errors).toBeUndefined();
    const id = proposed.data!.proposeNarrative.id;
    await app.as('departmentalCoordinatorD13', step('validateWorkflowItem'), { id });
    const published = await app.as<{ publishWorkflowItem: Item }>('nationalSteering', step('publishWorkflowItem'), { id });
    expect(published.data!.publishWorkflowItem.state).toBe('published');
    const sheet = await app.as<{ entrySheet: { narratives: { kind: string; weather: string; body: string; date: string }[] } }>('departmentalAgentD13', `{ entrySheet(territoryCode: "D13", policyId: "POL-W") { narratives { kind weather body date } } }`);
    expect(sheet.data!.entrySheet.narratives[0]).toEqual({ kind: 'weather', weather: 'CLOUDY', body: 'Retard de livraison des équipements.', date: AS_OF });
  });

  it('marks notifications read, one by one or all, and never someone else’s', async () => {
    const { data } = await app.as<{ myNotifications: { id: string; readAt: string | null }[] }>('departmentalCoordinatorD13', NOTIFICATIONS);
    const first = data!.myNotifications[0];
    const marked = await app.as<{ markNotificationRead: { readAt: string } }>('departmentalCoordinatorD13', `mutation($id: ID!) { markNotificationRead(id: $id) { readAt } }`, { id: first.id });
    expect(marked.data!.markNotificationRead.readAt).toBeTruthy();
    const stranger = await app.as('departmentalAgentD13', `mutation($id: ID!) { markNotificationRead(id: $id) { readAt } }`, { id: first.id });
    expect(stranger.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await app.as('departmentalCoordinatorD13', `mutation { markAllNotificationsRead }`);
    const count = await app.as<{ unreadNotificationCount: number }>('departmentalCoordinatorD13', `{ unreadNotificationCount }`);
    expect(count.data!.unreadNotificationCount).toBe(0);
  });
});
