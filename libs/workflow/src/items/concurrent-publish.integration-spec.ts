import path from 'node:path';
import { createTestIdentities, graphql, startAuthTestApp, type AuthTestApp, type TestIdentity, type TestIdentityName } from '@pilote/auth/testing';
import { computationLevelOrder, loadReferential, type NewMeasure, writeMeasures } from '@pilote/core';
import { compareWithRecomputation } from '@pilote/core/testing';
import { ImportModule } from '@pilote/import';
import request from 'supertest';
import { WorkflowModule } from '../workflow.module';

/**
 * Issue 14: rates stay exact when many values are published at once across sibling
 * départements, through the workflow (GraphQL publish) and imports (REST) together. Before the
 * policy locks (ADR 019), PostgreSQL kept régions and FRANCE computed from a sibling's old value
 * and failed most concurrent publishes on duplicate keys of the derived rows.
 */
const AS_OF = '2024-12-31';
const REFERENTIAL = path.join(__dirname, '../../../../examples/demo/data/referential');
const REGIONS = ['R84', 'R75'];
/** Published by the workflow: one policy each … */
const WORKFLOW_INDICATORS = ['IND-001', 'IND-005'];
/** … and by imports, of the same policies (the two paths contend for the same rates). */
const IMPORT_INDICATORS = ['IND-004', 'IND-007'];
const ROUNDS = 3;
const HEADER = 'identifiant_indic;zone_id;zone_nom;date_valeur;type_valeur;valeur';
const ITEM = 'id state';

describe('rates under concurrent publication (workflow and imports)', () => {
  let app: AuthTestApp;
  let ids: Record<TestIdentityName, TestIdentity>;
  let departments: string[];
  const regionOf = new Map<string, string>();
  const levelOrder = () => computationLevelOrder(app.context.instance.config);
  const as = <T>(who: TestIdentityName, query: string, variables: Record<string, unknown>) => graphql<T>(app.url, query, variables, ids[who].headers);

  beforeAll(async () => {
    process.env.PILOTE_AS_OF = AS_OF;
    app = await startAuthTestApp({ imports: [WorkflowModule.forRoot({ mail: null, publicUrl: 'https://pilote.test.gouv.fr', log: () => undefined }), ImportModule] });
    const loaded = await loadReferential(app.context.dataSource, REFERENTIAL, { levels: [...app.context.instance.config.territoryLevels.map((l) => l.id), 'CRTE'] });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    ids = await createTestIdentities(app.context.dataSource.manager);
    const rows = (await app.context.dataSource.query(`SELECT code, parent_code FROM territory WHERE parent_code = ANY($1::text[]) AND level = 'DEPT' ORDER BY code`, [REGIONS])) as { code: string; parent_code: string }[];
    for (const row of rows) regionOf.set(row.code, row.parent_code);
    departments = rows.map((row) => row.code);
    // Initial values and targets, so that every territory has rates from the first round on.
    const base: NewMeasure[] = [...WORKFLOW_INDICATORS, ...IMPORT_INDICATORS].flatMap((indicatorId) =>
      departments.flatMap((territoryCode, i) => [
        { indicatorId, territoryCode, kind: 'VI' as const, date: '2023-12-31', value: 10 + i },
        { indicatorId, territoryCode, kind: 'VC' as const, date: '2026-12-31', value: 200 + i },
      ]),
    );
    await app.context.dataSource.transaction((manager) => writeMeasures(manager, base, { provenance: 'seed', levelOrder: levelOrder(), asOf: AS_OF }));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    delete process.env.PILOTE_AS_OF;
  });

  it('publishes dozens of values at once, round after round, with no failure and every rate equal to a full recomputation', async () => {
    expect(departments.length).toBeGreaterThanOrEqual(20);
    const failures: string[] = [];
    let published = 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const date = ['2024-03-31', '2024-06-30', '2024-09-30'][round - 1];
      // Proposed by one person, validated by another (not what is measured), then published at once.
      const inputs = WORKFLOW_INDICATORS.flatMap((indicatorId) => departments.map((territoryCode, i) => ({ indicatorId, territoryCode, kind: 'VA', date, value: 20 * round + i })));
      const proposed = await as<{ proposeValues: { id: string }[] }>('nationalSteering', `mutation($inputs: [ValueProposalInput!]!) { proposeValues(inputs: $inputs) { ${ITEM} } }`, { inputs });
      expect(proposed.errors).toBeUndefined();
      const items = proposed.data!.proposeValues.map((item) => item.id);
      const validated = await Promise.all(items.map((id) => as('admin', `mutation($id: ID!) { validateWorkflowItem(id: $id) { ${ITEM} } }`, { id })));
      expect(validated.flatMap((answer) => answer.errors ?? [])).toEqual([]);
      // All at once: every publish and one import per région.
      const publishes = items.map(async (id) => {
        const answer = await as<{ publishWorkflowItem: { state: string } }>('admin', `mutation($id: ID!) { publishWorkflowItem(id: $id) { ${ITEM} } }`, { id });
        if (answer.errors || answer.data?.publishWorkflowItem.state !== 'published') failures.push(`publish ${id}: ${JSON.stringify(answer.errors ?? answer)}`);
      });
      const imports = REGIONS.map(async (region) => {
        const rows = IMPORT_INDICATORS.flatMap((indicatorId) =>
          departments.filter((code) => regionOf.get(code) === region).map((code, i) => `${indicatorId};${code};x;${date.split('-').reverse().join('/')};va;${30 * round + i}`),
        );
        const answer = await request(app.url).post('/api/v1/imports').set(ids.admin.headers).set('content-type', 'text/csv').send([HEADER, ...rows].join('\n'));
        if (answer.status !== 200 || answer.body.status !== 'published') failures.push(`import ${region}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      });
      await Promise.all([...publishes, ...imports]);
      published += items.length;
    }
    const comparison = await compareWithRecomputation(app.context.dataSource, { levelOrder: levelOrder(), asOf: AS_OF });
    // The numbers, for the ADR and the commit message (before/after).
    console.log(JSON.stringify({ database: app.context.database.kind, published, failures: failures.length, ...comparison, failureExamples: failures.slice(0, 3) }, null, 1));
    expect({ failed: failures.length, examples: failures.slice(0, 3) }).toEqual({ failed: 0, examples: [] });
    // Every indicator at both régions and FRANCE: at least one aggregated VA per round.
    const indicators = WORKFLOW_INDICATORS.length + IMPORT_INDICATORS.length;
    expect(comparison.compared.derived_measure).toBeGreaterThanOrEqual(indicators * (REGIONS.length + 1) * ROUNDS);
    expect(comparison.compared.policy_state).toBeGreaterThanOrEqual(departments.length + REGIONS.length + 1);
    expect(comparison.examples).toEqual([]);
    expect(comparison.differences).toEqual({ derived_measure: 0, indicator_state: 0, policy_state: 0, policy_peer_stats: 0 });
    const stillValidated = await app.context.dataSource.query(`SELECT count(*)::int AS n FROM workflow_item WHERE state <> 'published'`);
    expect(stillValidated[0].n).toBe(0);
  }, 600_000);

});
