import { graphql } from '@pilote/auth/testing';
import { publish, startWorkflowApp, type WorkflowTestApp } from '../../test/support';
import { startSmtpTestServer } from '../../test/smtp-test-server';

const CREATE = `mutation($input: CampaignInput!) { createCampaign(input: $input) { id name deadline territoryCodes assigneeEmails status } }`;
const BOARD = `query($id: ID!) { campaignBoard(id: $id) { asOf totals { expected published awaiting missing late stale completeness }
  byTerritory { key expected published awaiting missing stale completeness } byPolicy { key expected published completeness } } }`;
const campaign = (over: Record<string, unknown> = {}) => ({
  input: {
    name: 'Campagne T4 2024', periodStart: '2024-10-01', periodEnd: '2024-12-31', deadline: '2025-01-02',
    indicatorIds: ['IND-W'], territoryCodes: ['D13', 'D29', 'D35', 'D69'], assigneeEmails: ['agent.d13@test.gouv.fr', 'Agent.D29@test.gouv.fr'], ...over,
  },
});

describe('entry campaigns: board, rights, deadline reminders', () => {
  let app: WorkflowTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  let id: string;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    app = await startWorkflowApp({ mail: { host: '127.0.0.1', port: smtp.port, secure: false, user: null, password: null, from: 'PILOTE <pilote@test.gouv.fr>' } });
    // D13: a value for the period; D35: last year's only; D29: a proposal awaiting validation; D69: nothing.
    await publish(app.context.dataSource, [
      { indicatorId: 'IND-W', territoryCode: 'D13', kind: 'VA', date: '2024-11-30', value: 25 },
      { indicatorId: 'IND-W', territoryCode: 'D35', kind: 'VA', date: '2023-12-31', value: 7 },
    ], app);
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('opens a campaign and shows what is published, awaiting validation, missing and stale, per territory and policy', async () => {
    const created = await app.as<{ createCampaign: { id: string; assigneeEmails: string[]; status: string } }>('nationalSteering', CREATE, campaign());
    expect(created.errors).toBeUndefined();
    expect(created.data!.createCampaign).toMatchObject({ status: 'open', assigneeEmails: ['agent.d13@test.gouv.fr', 'agent.d29@test.gouv.fr'] });
    id = created.data!.createCampaign.id;
    const proposal = await app.as('outOfScopeAgentD29', `mutation { proposeValue(input: { indicatorId: "IND-W", territoryCode: "D29", kind: "VA", date: "2024-12-15", value: 12 }) { id } }`);
    expect(proposal.errors).toBeUndefined();

    const board = await app.as<{ campaignBoard: { totals: Record<string, number>; byTerritory: { key: string }[]; byPolicy: unknown[] } }>('nationalSteering', BOARD, { id });
    expect(board.errors).toBeUndefined();
    expect(board.data!.campaignBoard.totals).toEqual({ expected: 4, published: 1, awaiting: 1, missing: 2, late: 0, stale: 2, completeness: 25 });
    expect(board.data!.campaignBoard.byTerritory).toEqual([
      { key: 'D29', expected: 1, published: 0, awaiting: 1, missing: 0, stale: 1, completeness: 0 },
      { key: 'D35', expected: 1, published: 0, awaiting: 0, missing: 1, stale: 0, completeness: 0 },
      { key: 'D69', expected: 1, published: 0, awaiting: 0, missing: 1, stale: 1, completeness: 0 },
      { key: 'D13', expected: 1, published: 1, awaiting: 0, missing: 0, stale: 0, completeness: 100 },
    ]);
    expect(board.data!.campaignBoard.byPolicy).toEqual([{ key: 'POL-W', expected: 4, published: 1, completeness: 25 }]);

    // The proposal validated and published, the board follows.
    const [{ id: itemId }] = await app.context.dataSource.query(`SELECT id FROM workflow_item WHERE territory_code = 'D29'`);
    await app.as('nationalSteering', `mutation($id: ID!) { validateWorkflowItem(id: $id) { state } }`, { id: itemId });
    await app.as('nationalSteering', `mutation($id: ID!) { publishWorkflowItem(id: $id) { state } }`, { id: itemId });
    const after = await app.as<{ campaignBoard: { totals: Record<string, number> } }>('nationalSteering', BOARD, { id });
    expect(after.data!.campaignBoard.totals).toMatchObject({ published: 2, awaiting: 0, missing: 2, completeness: 50 });
  });

  it('lets a coordinator run campaigns in their territory only, and agents only read them', async () => {
    const outside = await app.as('departmentalCoordinatorD13', CREATE, campaign({ territoryCodes: ['D13', 'D29'], deadline: '2025-03-31' }));
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const inside = await app.as<{ createCampaign: { id: string } }>('departmentalCoordinatorD13', CREATE, campaign({ name: 'Campagne D13', territoryCodes: ['D13'], deadline: '2025-03-31', assigneeEmails: [] }));
    expect(inside.errors).toBeUndefined();
    expect((await app.as('departmentalAgentD13', CREATE, campaign())).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // An agent of D29, not assigned and out of scope, cannot read the D13 campaign; the D13 agent can.
    expect((await app.as('outOfScopeAgentD29', BOARD, { id: inside.data!.createCampaign.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.as('departmentalAgentD13', BOARD, { id: inside.data!.createCampaign.id })).errors).toBeUndefined();
    const list = await app.as<{ campaigns: { name: string }[] }>('outOfScopeAgentD29', `{ campaigns { name } }`);
    expect(list.data!.campaigns.map((c) => c.name)).toEqual(['Campagne T4 2024']);
  });

  it('names the field of bad input and creates nothing', async () => {
    const [{ n: before }] = await app.context.dataSource.query(`SELECT count(*)::int AS n FROM entry_campaign`);
    const badDate = await app.as('nationalSteering', CREATE, campaign({ name: 'Campagne erronée', deadline: '2025-02-30' }));
    expect(badDate.errors?.[0]).toMatchObject({ message: '"2025-02-30" is not a date (expected YYYY-MM-DD).', extensions: { field: 'deadline' } });
    const badUser = await app.as('nationalSteering', CREATE, campaign({ name: 'Campagne erronée', assigneeEmails: ['nobody@test.gouv.fr'] }));
    expect(badUser.errors?.[0]).toMatchObject({ message: 'No account for: nobody@test.gouv.fr.', extensions: { field: 'assigneeEmails' } });
    const badTerritory = await app.as('nationalSteering', CREATE, campaign({ name: 'Campagne erronée', territoryCodes: ['D13', 'D999'] }));
    expect(badTerritory.errors?.[0]).toMatchObject({ extensions: { field: 'territoryCodes' } });
    const [{ n: after }] = await app.context.dataSource.query(`SELECT count(*)::int AS n FROM entry_campaign`);
    expect(after).toBe(before);
  });

  it('reminds assignees of a deadline within N days once, in the app and by e-mail', async () => {
    expect((await app.as('nationalSteering', `mutation { notifyCampaignDeadlines(days: 3) { notifications } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // An admin's browser session (a token never carries `manage`).
    const asAdmin = <T>(query: string) => graphql<T>(app.url, query, {}, app.ids.admin.sessionHeaders);
    const first = await asAdmin<{ notifyCampaignDeadlines: { campaigns: number; notifications: number } }>(`mutation { notifyCampaignDeadlines(days: 3) { campaigns notifications } }`);
    expect(first.errors).toBeUndefined();
    expect(first.data!.notifyCampaignDeadlines).toEqual({ campaigns: 1, notifications: 2 });
    const mail = await smtp.waitFor((m) => m.to.includes('agent.d29@test.gouv.fr') && m.subject.includes('Échéance'));
    expect(mail.subject).toBe('[Instance de test] Échéance le 02/01/2025 : campagne « Campagne T4 2024 »');
    expect(mail.text).toContain('se termine le 02/01/2025 (dans 2 jour(s)). 2 valeur(s) attendue(s) manquent encore.');
    expect(mail.text).toContain(`https://pilote.test.gouv.fr/campaigns/${id}`);
    const again = await asAdmin<{ notifyCampaignDeadlines: { notifications: number } }>(`mutation { notifyCampaignDeadlines(days: 3) { notifications } }`);
    expect(again.data!.notifyCampaignDeadlines.notifications).toBe(0);
    const inbox = await app.as<{ myNotifications: { kind: string; link: string }[] }>('departmentalAgentD13', `{ myNotifications { kind link } }`);
    expect(inbox.data!.myNotifications).toContainEqual({ kind: 'campaign.deadline', link: `/campaigns/${id}` });
    const audit = await app.context.dataSource.query(`SELECT action FROM audit_log WHERE subject_type = 'Campaign' ORDER BY id`);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['campaign.created', 'campaign.created']);
  });
});
