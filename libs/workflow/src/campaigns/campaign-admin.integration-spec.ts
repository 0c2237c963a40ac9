import { graphql } from '@pilote/auth/testing';
import { publish, startWorkflowApp, type WorkflowTestApp } from '../../test/support';
import { startSmtpTestServer } from '../../test/smtp-test-server';

// Campaigns administered from the screen (issue 21): région expansion, assignees by role and their
// notification, duplicate names and past deadlines refused, the list of what is missing where, the
// CSV of the board, a reminder queued through the job queue. AS_OF is 2024-12-31 (test/support).
const CREATE = `mutation($input: CampaignInput!) { createCampaign(input: $input) { id name status assigneeEmails assigneeRoles } }`;
const UPDATE = `mutation($id: ID!, $input: CampaignChangeInput!) { updateCampaign(id: $id, input: $input) { id name deadline status assigneeEmails } }`;
const BOARD = `query($id: ID!, $limit: Int) { campaignBoard(id: $id, pendingLimit: $limit) { totals { expected published missing completeness }
  campaign { listedAssigneeEmails assigneeRoles } pendingCount pending { territoryCode territoryName indicatorId indicatorName policyId status late stale lastDate } } }`;
const input = (over: Record<string, unknown> = {}) => ({
  input: { name: 'Campagne PACA', periodStart: '2024-10-01', periodEnd: '2024-12-31', deadline: '2025-01-31', indicatorIds: ['IND-W'], territoryCodes: ['R93'], assigneeEmails: [], ...over },
});
const count = async (app: WorkflowTestApp, sql: string) => ((await app.context.dataSource.query(sql)) as { n: number }[])[0].n;

describe('campaigns administered from the screen', () => {
  let app: WorkflowTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    app = await startWorkflowApp({ mail: { host: '127.0.0.1', port: smtp.port, secure: false, user: null, password: null, from: 'PILOTE <pilote@test.gouv.fr>' } });
    await publish(app.context.dataSource, [{ indicatorId: 'IND-W', territoryCode: 'D06', kind: 'VA', date: '2024-11-30', value: 3 }], app);
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('expands a région to its départements where the indicator is entered, and says which value is missing where', async () => {
    const created = await app.as<{ createCampaign: { id: string } }>('nationalSteering', CREATE, input());
    expect(created.errors).toBeUndefined();
    const id = created.data!.createCampaign.id;
    const board = await app.as<{ campaignBoard: { totals: Record<string, number>; pendingCount: number; pending: Record<string, unknown>[] } }>('nationalSteering', BOARD, { id, limit: 2 });
    expect(board.errors).toBeUndefined();
    // R93 enters nothing itself: its six départements each owe a value; D06 has one for the period.
    expect(board.data!.campaignBoard.totals).toEqual({ expected: 6, published: 1, missing: 5, completeness: 16.7 });
    expect(board.data!.campaignBoard.pendingCount).toBe(5);
    expect(board.data!.campaignBoard.pending).toEqual([
      { territoryCode: 'D04', territoryName: 'Alpes-de-Haute-Provence', indicatorId: 'IND-W', indicatorName: 'Indicateur W', policyId: 'POL-W', status: 'missing', late: false, stale: true, lastDate: null },
      { territoryCode: 'D05', territoryName: 'Hautes-Alpes', indicatorId: 'IND-W', indicatorName: 'Indicateur W', policyId: 'POL-W', status: 'missing', late: false, stale: true, lastDate: null },
    ]);
    // D13 is listed with its région: counted once.
    const both = await app.as<{ createCampaign: { id: string } }>('nationalSteering', CREATE, input({ name: 'Campagne PACA et D13', territoryCodes: ['R93', 'D13'] }));
    const again = await app.as<{ campaignBoard: { totals: { expected: number } } }>('nationalSteering', BOARD, { id: both.data!.createCampaign.id });
    expect(again.data!.campaignBoard.totals.expected).toBe(6);
  });

  it('assigns the holders of a role in the territories and notifies them once, in the app and by e-mail', async () => {
    const created = await app.as<{ createCampaign: { id: string; assigneeEmails: string[]; assigneeRoles: string[] } }>(
      'nationalSteering', CREATE, input({ name: 'Campagne des services', territoryCodes: ['D13'], assigneeRoles: ['deconcentrated-service'], assigneeEmails: ['reader@test.gouv.fr'] }),
    );
    expect(created.errors).toBeUndefined();
    // The D13 agent holds the role there; the D29 agent holds it elsewhere.
    expect(created.data!.createCampaign.assigneeEmails).toEqual(['agent.d13@test.gouv.fr', 'reader@test.gouv.fr']);
    const id = created.data!.createCampaign.id;
    const mail = await smtp.waitFor((m) => m.to.includes('agent.d13@test.gouv.fr') && m.subject.includes('Campagne des services'));
    expect(mail.subject).toBe('[Instance de test] Nouvelle campagne de saisie : « Campagne des services »');
    expect(mail.text).toContain('période du 01/10/2024 au 31/12/2024), à remplir avant le 31/01/2025.');
    const inbox = await app.as<{ myNotifications: { kind: string; link: string }[] }>('departmentalAgentD13', `{ myNotifications { kind link } }`);
    expect(inbox.data!.myNotifications.filter((n) => n.kind === 'campaign.assigned')).toEqual([{ kind: 'campaign.assigned', link: `/campaigns/${id}` }]);
    const board = await app.as<{ campaignBoard: { campaign: { listedAssigneeEmails: string[]; assigneeRoles: string[] } } }>('nationalSteering', BOARD, { id });
    expect(board.data!.campaignBoard.campaign).toEqual({ listedAssigneeEmails: ['reader@test.gouv.fr'], assigneeRoles: ['deconcentrated-service'] });

    // Widening to D29 assigns its agent, who alone is notified; the others are not told twice.
    const widened = await app.as<{ updateCampaign: { assigneeEmails: string[] } }>('nationalSteering', UPDATE, { id, input: { territoryCodes: ['D13', 'D29'] } });
    expect(widened.errors).toBeUndefined();
    expect(widened.data!.updateCampaign.assigneeEmails).toEqual(['agent.d13@test.gouv.fr', 'agent.d29@test.gouv.fr', 'reader@test.gouv.fr']);
    const notified = (await app.context.dataSource.query(
      `SELECT u.email FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.kind = 'campaign.assigned' AND n.params ->> 'campaignId' = $1 ORDER BY u.email`, [id],
    )) as { email: string }[];
    expect(notified.map((r) => r.email)).toEqual(['agent.d13@test.gouv.fr', 'agent.d29@test.gouv.fr', 'reader@test.gouv.fr']);
    expect(await count(app, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'campaign.updated' AND subject_id = '${id}'`)).toBe(1);
  });

  it('refuses a duplicate name or a past deadline, naming the field, and changes nothing', async () => {
    const before = await count(app, `SELECT count(*)::int AS n FROM entry_campaign`);
    const audits = await count(app, `SELECT count(*)::int AS n FROM audit_log`);
    const duplicate = await app.as('nationalSteering', CREATE, input({ name: '  campagne paca ' }));
    expect(duplicate.errors?.[0]).toMatchObject({ message: 'A campaign named "campagne paca" already exists.', extensions: { code: 'BAD_USER_INPUT', reason: 'CAMPAIGN_NAME_TAKEN', field: 'name' } });
    const past = await app.as('nationalSteering', CREATE, input({ name: 'Campagne en retard', deadline: '2024-12-30' }));
    expect(past.errors?.[0]).toMatchObject({ message: 'The deadline 2024-12-30 is in the past (today is 2024-12-31).', extensions: { reason: 'DEADLINE_PAST', field: 'deadline' } });
    const unknownRole = await app.as('nationalSteering', CREATE, input({ name: 'Campagne sans rôle', assigneeRoles: ['public'] }));
    expect(unknownRole.errors?.[0]).toMatchObject({ extensions: { field: 'assigneeRoles' } });
    expect(await count(app, `SELECT count(*)::int AS n FROM entry_campaign`)).toBe(before);

    // Renaming onto another campaign's name is refused too, and leaves the row as it was.
    const [{ id }] = (await app.context.dataSource.query(`SELECT id FROM entry_campaign WHERE name = 'Campagne des services'`)) as { id: string }[];
    const rename = await app.as('nationalSteering', UPDATE, { id, input: { name: 'CAMPAGNE PACA', deadline: '2025-02-28' } });
    expect(rename.errors?.[0]).toMatchObject({ extensions: { reason: 'CAMPAIGN_NAME_TAKEN', field: 'name' } });
    const moveBack = await app.as('nationalSteering', UPDATE, { id, input: { deadline: '2024-01-01' } });
    expect(moveBack.errors?.[0]).toMatchObject({ extensions: { reason: 'DEADLINE_PAST', field: 'deadline' } });
    const [row] = (await app.context.dataSource.query(`SELECT name, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM entry_campaign WHERE id = $1`, [id])) as { name: string; deadline: string }[];
    expect(row).toEqual({ name: 'Campagne des services', deadline: '2025-01-31' });
    expect(await count(app, `SELECT count(*)::int AS n FROM audit_log`)).toBe(audits);
  });

  it('closes a campaign whose deadline has passed without moving it, and keeps its name', async () => {
    const created = await app.as<{ createCampaign: { id: string } }>('nationalSteering', CREATE, input({ name: 'Campagne courte', deadline: '2024-12-31', territoryCodes: ['D13'] }));
    const id = created.data!.createCampaign.id;
    process.env.PILOTE_AS_OF = '2025-01-15';
    try {
      const closed = await app.as<{ updateCampaign: { status: string } }>('nationalSteering', UPDATE, { id, input: { status: 'closed' } });
      expect(closed.errors).toBeUndefined();
      expect(closed.data!.updateCampaign.status).toBe('closed');
    } finally {
      process.env.PILOTE_AS_OF = '2024-12-31';
    }
    const actions = (await app.context.dataSource.query(`SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY id`, [id])) as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['campaign.created', 'campaign.closed']);
    const list = await app.as<{ campaigns: { name: string }[] }>('nationalSteering', `{ campaigns { name } }`);
    expect(list.data!.campaigns.map((c) => c.name)).not.toContain('Campagne courte');
  });

  it('exports the board as CSV to whoever may see the campaign, and refuses the others', async () => {
    const [{ id }] = (await app.context.dataSource.query(`SELECT id FROM entry_campaign WHERE name = 'Campagne PACA'`)) as { id: string }[];
    const response = await fetch(`${app.url}/api/v1/campaigns/${id}/board.csv`, { headers: app.ids.nationalSteering.headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('territory_code,territory_name,policy_id,policy_name,indicator_id,indicator_name,status,late,stale,last_date');
    expect(lines).toHaveLength(7);
    expect(lines).toContain('D06,Alpes-Maritimes,POL-W,Politique de test du workflow,IND-W,Indicateur W,published,false,false,2024-11-30');
    expect(lines[1]).toBe('D04,Alpes-de-Haute-Provence,POL-W,Politique de test du workflow,IND-W,Indicateur W,missing,false,true,');
    // The D29 agent is not in PACA and not assigned: same refusal as an unknown campaign.
    const outside = await fetch(`${app.url}/api/v1/campaigns/${id}/board.csv`, { headers: app.ids.outOfScopeAgentD29.headers });
    expect(outside.status).toBe(403);
    expect((await fetch(`${app.url}/api/v1/campaigns/${id}/board.csv`)).status).toBe(401);
  });

  it('queues a reminder through the job queue for the campaign manager, not for an agent', async () => {
    const [{ id }] = (await app.context.dataSource.query(`SELECT id FROM entry_campaign WHERE name = 'Campagne des services'`)) as { id: string }[];
    const REMIND = `mutation($id: ID!) { remindCampaign(id: $id) { id } }`;
    expect((await app.as('departmentalAgentD13', REMIND, { id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const asSteering = (query: string) => graphql(app.url, query, { id }, app.ids.nationalSteering.headers);
    const queued = await asSteering(REMIND);
    expect(queued.errors).toBeUndefined();
    const mail = await smtp.waitFor((m) => m.to.includes('agent.d29@test.gouv.fr') && m.subject.includes('Échéance'));
    expect(mail.subject).toBe('[Instance de test] Échéance le 31/01/2025 : campagne « Campagne des services »');
    const jobs = (await app.context.dataSource.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'campaign.deadline-reminders' AND data ->> 'campaignId' = $1`, [id])) as { n: number }[];
    expect(jobs[0].n).toBe(1);
  });
});
