import { testInstance } from '@pilote/core/testing';
import { ImportModule } from '@pilote/import';
import request from 'supertest';
import { ITEM_FIELDS, startWorkflowApp, type WorkflowTestApp } from '../../test/support';

const HEADER = 'identifiant_indic;zone_id;zone_nom;date_valeur;type_valeur;valeur';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const PROPOSE = `mutation($input: ValueProposalInput!) { proposeValue(input: $input, submit: true) { ${ITEM_FIELDS} } }`;
const VALIDATE = `mutation($id: ID!) { validateWorkflowItem(id: $id) { ${ITEM_FIELDS} } }`;
const SETTINGS = `{ workflowSettings { trustedImports publishByImport selfValidation } }`;
const value = (v: number, date = '2024-09-30') => ({ input: { indicatorId: 'IND-W', territoryCode: 'D13', kind: 'VA', date, value: v } });

describe('workflow policy: safe defaults', () => {
  let app: WorkflowTestApp;
  const count = async (sql: string) => Number((await app.context.dataSource.query(sql))[0].n);
  beforeAll(async () => {
    app = await startWorkflowApp({ imports: [ImportModule] });
  });
  afterAll(() => app?.close());

  it('lets only roles that may publish publish by import; a validator’s import is sent to proposals', async () => {
    const before = await count(`SELECT count(*) AS n FROM measure`);
    const body = csv('IND-W;D13;Bouches-du-Rhône;30/09/2024;va;35');
    const refused = await request(app.url).post('/api/v1/imports').set(app.ids.departmentalCoordinatorD13.headers).set('content-type', 'text/csv').send(body);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: 'IMPORT_NEEDS_VALIDATION' });
    expect(await count(`SELECT count(*) AS n FROM measure`)).toBe(before);
    // The web app asks whether the caller's imports publish: no for the validator, yes for a publisher.
    const validator = await app.as<{ workflowSettings: Record<string, unknown> }>('departmentalCoordinatorD13', SETTINGS);
    expect(validator.data!.workflowSettings).toEqual({ trustedImports: false, publishByImport: 'publishers', selfValidation: false });
    const publisher = await app.as<{ workflowSettings: Record<string, unknown> }>('nationalSteering', SETTINGS);
    expect(publisher.data!.workflowSettings.trustedImports).toBe(true);
    const published = await request(app.url).post('/api/v1/imports').set(app.ids.nationalSteering.headers).set('content-type', 'text/csv').send(body);
    expect(published.status).toBe(200);
  });

  it('does not let anyone validate their own proposal (separation of duties)', async () => {
    const proposed = await app.as<{ proposeValue: { id: string } }>('nationalSteering', PROPOSE, value(40, '2024-10-31'));
    expect(proposed.errors).toBeUndefined();
    const own = await app.as('nationalSteering', VALIDATE, { id: proposed.data!.proposeValue.id });
    expect(own.errors?.[0]).toMatchObject({ message: expect.stringContaining('own proposal'), extensions: { code: 'CONFLICT', reason: 'OWN_PROPOSAL' } });
    const other = await app.as<{ validateWorkflowItem: { state: string } }>('departmentalCoordinatorD13', VALIDATE, { id: proposed.data!.proposeValue.id });
    expect(other.data?.validateWorkflowItem.state).toBe('validated');
  });

  it('refuses a proposed value that is not finite or out of range, naming the field', async () => {
    for (const v of [1.7e308, -1e16]) {
      const answer = await app.as('departmentalAgentD13', PROPOSE, value(v, '2024-11-30'));
      expect(answer.errors?.[0]).toMatchObject({ message: expect.stringContaining('10^15'), extensions: { code: 'BAD_USER_INPUT', field: 'value' } });
    }
  });
});

describe('workflow policy: an instance that opts out', () => {
  let app: WorkflowTestApp;
  beforeAll(async () => {
    app = await startWorkflowApp({ instance: testInstance({ workflow: { publishByImport: 'importers', selfValidation: true } }), imports: [ImportModule] });
  });
  afterAll(() => app?.close());

  it('lets anyone who may import publish, and authors validate their own proposals, when configured', async () => {
    const body = csv('IND-W;D13;Bouches-du-Rhône;30/09/2024;va;35');
    const imported = await request(app.url).post('/api/v1/imports').set(app.ids.departmentalCoordinatorD13.headers).set('content-type', 'text/csv').send(body);
    expect(imported.status).toBe(200);
    const proposed = await app.as<{ proposeValue: { id: string } }>('nationalSteering', PROPOSE, value(40, '2024-10-31'));
    const own = await app.as<{ validateWorkflowItem: { state: string } }>('nationalSteering', VALIDATE, { id: proposed.data!.proposeValue.id });
    expect(own.errors).toBeUndefined();
    expect(own.data!.validateWorkflowItem.state).toBe('validated');
  });
});
