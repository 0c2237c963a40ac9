import { testInstance } from '@pilote/core/testing';
import { ImportModule } from '@pilote/import';
import request from 'supertest';
import { startWorkflowApp, type WorkflowTestApp } from '../../test/support';

const HEADER = 'identifiant_indic;zone_id;zone_nom;date_valeur;type_valeur;valeur';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('imports when workflow.trustedImports is false', () => {
  let app: WorkflowTestApp;
  const count = async (sql: string) => Number((await app.context.dataSource.query(sql))[0].n);

  beforeAll(async () => {
    app = await startWorkflowApp({ instance: testInstance({ workflow: { trustedImports: false } }), imports: [ImportModule] });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses a direct import from someone who may not publish, but still answers dry runs', async () => {
    const before = await count(`SELECT count(*) AS n FROM measure`);
    const body = csv('IND-W;D13;Bouches-du-Rhône;30/09/2024;va;35');
    const refused = await request(app.url).post('/api/v1/imports').set(app.ids.departmentalAgentD13.headers).set('content-type', 'text/csv').send(body).expect(409);
    expect(refused.body).toMatchObject({ error: 'IMPORT_NEEDS_VALIDATION', message: expect.stringContaining('/api/v1/imports/proposals') });
    // The route that streams its progress publishes too: the same refusal.
    await request(app.url).post('/api/v1/imports/stream').set(app.ids.departmentalAgentD13.headers).set('content-type', 'text/csv').send(body).expect(409);
    // Dry runs are not blocked here (libs/import applies its own import rights to them).
    const dry = await request(app.url).post('/api/v1/imports?dryRun=true').set(app.ids.departmentalAgentD13.headers).set('content-type', 'text/csv').send(body);
    expect(dry.status).not.toBe(409);
    expect(await count(`SELECT count(*) AS n FROM measure`)).toBe(before);
  });

  it('turns the new values of a file into submitted proposals, and tells the validators once', async () => {
    const body = csv('IND-W;D13;Bouches-du-Rhône;30/09/2024;va;35', 'IND-W;D13;Bouches-du-Rhône;31/10/2024;va;38', 'IND-W;D13;Bouches-du-Rhône;31/12/2025;vc;50');
    // A valid file checked first: 200 (it was answered 422, as if it had errors), nothing proposed.
    const checked = await request(app.url).post('/api/v1/imports/proposals?dryRun=true').set(app.ids.departmentalAgentD13.headers).set('content-type', 'text/csv').send(body).expect(200);
    expect(checked.body).toMatchObject({ status: 'dry-run', proposals: 0 });
    const response = await request(app.url).post('/api/v1/imports/proposals?fileName=d13.csv').set(app.ids.departmentalAgentD13.headers).set('content-type', 'text/csv').send(body).expect(200);
    // The target equal to the published one is not proposed again.
    expect(response.body).toMatchObject({ status: 'proposed', proposals: 2, file: { name: 'd13.csv' } });
    expect(response.body.preview.policies.rows).toContainEqual(expect.objectContaining({ id: 'POL-W', territoryCode: 'D13', before: expect.objectContaining({ global: 25 }) }));
    const items = await app.context.dataSource.query(`SELECT state, source, payload FROM workflow_item ORDER BY payload ->> 'date'`);
    expect(items).toEqual([
      { state: 'submitted', source: 'import', payload: { kind: 'VA', date: '2024-09-30', value: 35 } },
      { state: 'submitted', source: 'import', payload: { kind: 'VA', date: '2024-10-31', value: 38 } },
    ]);
    const inbox = await app.as<{ myNotifications: { kind: string; title: string }[] }>('departmentalCoordinatorD13', `{ myNotifications { kind title } }`);
    expect(inbox.data!.myNotifications).toEqual([{ kind: 'item.submitted', title: 'À valider : les valeurs d’un fichier importé – Bouches-du-Rhône (D13)' }]);
    expect(await count(`SELECT count(*) AS n FROM measure WHERE date >= '2024-09-01' AND kind = 'VA'`)).toBe(0);
  });

  it('refuses values outside the author’s territory, with errors located for a bad file, writing nothing', async () => {
    const before = await count(`SELECT count(*) AS n FROM workflow_item`);
    const outside = await request(app.url).post('/api/v1/imports/proposals').set(app.ids.departmentalAgentD13.headers).set('content-type', 'text/csv')
      .send(csv('IND-W;D13;x;30/11/2024;va;1', 'IND-W;D29;Finistère;30/11/2024;va;2')).expect(422);
    expect(outside.body.errors).toEqual([expect.objectContaining({ line: 3, column: 'zone_id', code: 'territoryOutOfScope' })]);
    const bad = await request(app.url).post('/api/v1/imports/proposals?lang=en').set(app.ids.departmentalAgentD13.headers).set('content-type', 'text/csv')
      .send(csv('IND-W;D13;x;31/02/2024;va;1')).expect(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ line: 2, column: 'date_valeur', message: 'This date does not exist in the calendar.' })]);
    expect(await count(`SELECT count(*) AS n FROM workflow_item`)).toBe(before);
  });

  it('lets someone who may publish values import directly', async () => {
    const response = await request(app.url).post('/api/v1/imports').set(app.ids.nationalSteering.headers).set('content-type', 'text/csv').send(csv('IND-W;D13;Bouches-du-Rhône;30/11/2024;va;40')).expect(200);
    expect(response.body).toMatchObject({ status: 'published', counts: { written: 1 } });
  });
});
