import path from 'node:path';
import { createTestIdentities, type TestIdentity, type TestIdentityName } from '@pilote/auth/testing';
import { loadReferential, writeMeasures } from '@pilote/core';
import { testInstance } from '@pilote/core/testing';
import { startTestKit, type TestKit } from '../src/testing';

const referential = path.join(__dirname, '../../../libs/core/test/fixtures/referential-small');

const levelOrder = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];
const csv = (zone: string) => `identifiant_indic;zone_id;zone_nom;date_valeur;type_valeur;valeur\nI-SUM;${zone};x;30/09/2026;va;${zone === 'D13' ? 21 : 13}\n`;

type Rows = { data: { territory_code: string }[] };
type Batches = { batches: { id: string; fileName: string; authorId: string | null }[] };

/**
 * The REST routes apply the rights and the territory scope of GraphQL (issue 14): on an instance
 * whose public role may not read dashboards, open data is not open; import batches are listed
 * within the caller's territories. Before the fail-closed guard both answered everything to everyone.
 */
describe('REST rights: open data and import batches, on an instance with dashboards closed', () => {
  let kit: TestKit;
  let who: Record<TestIdentityName, TestIdentity>;
  beforeAll(async () => {
    // Dashboards closed (the public role reads branding only); coordinators publish by import, so
    // that a territorial caller has batches of its own.
    kit = await startTestKit({ openDashboards: false, instance: testInstance({ workflow: { publishByImport: 'importers' } }) });
    await loadReferential(kit.server.context.dataSource, referential, { levels: levelOrder });
    who = await createTestIdentities(kit.server.context.dataSource.manager);
    await kit.server.context.dataSource.transaction((manager) =>
      writeMeasures(
        manager,
        ['D13', 'D29', 'D69'].flatMap((territoryCode) => [
          { indicatorId: 'I-SUM', territoryCode, kind: 'VI' as const, date: '2022-01-01', value: 0 },
          { indicatorId: 'I-SUM', territoryCode, kind: 'VA' as const, date: '2026-09-30', value: 10 },
          { indicatorId: 'I-SUM', territoryCode, kind: 'VC' as const, date: '2026-12-31', value: 20 },
        ]),
        { provenance: 'import', levelOrder, asOf: '2026-11-28' },
      ),
    );
  });
  afterAll(() => kit?.close());

  const get = (url: string, identity: TestIdentity) => fetch(`${kit.url}${url}`, { headers: identity.headers });
  const codes = async (response: Response) => ((await response.json()) as Rows).data.map((row) => row.territory_code);

  it.each(['/api/v1/indicators', '/api/v1/indicators/I-SUM/values', '/api/v1/indicators/I-SUM/rates', '/api/v1/policies/P-1/rates', '/api/v1/indicators/I-SUM/rates?format=csv'])(
    'answers 401 to an anonymous %s, as GraphQL does for the same reads',
    async (url) => {
      const response = await get(url, who.anonymous);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'UNAUTHENTICATED' });
      const graphql = await kit.graphql('{ policies { id } }');
      expect(graphql.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    },
  );

  it('still describes the API to anyone (no data in it)', async () => {
    expect((await get('/api/v1/openapi.json', who.anonymous)).status).toBe(200);
  });

  it('serves every territory to a national reader and only its own to a territorial agent', async () => {
    const all = await codes(await get('/api/v1/indicators/I-SUM/rates?level=DEPT', who.reader));
    expect(all).toEqual(expect.arrayContaining(['D13', 'D29', 'D69']));
    const own = await get('/api/v1/indicators/I-SUM/rates?level=DEPT', who.departmentalAgentD13);
    expect(own.status).toBe(200);
    expect(await codes(own)).toEqual(['D13']);
    const values = await codes(await get('/api/v1/indicators/I-SUM/values', who.departmentalAgentD13));
    expect(values.length).toBeGreaterThan(0);
    expect(new Set(values)).toEqual(new Set(['D13']));
    const policy = await codes(await get('/api/v1/policies/P-1/rates', who.departmentalAgentD13));
    expect(policy.every((code) => code === 'D13' || code.startsWith('E') || code.startsWith('C'))).toBe(true);
    expect(policy).toContain('D13');
  });

  it('refuses a territory outside the scope like GraphQL (403, naming nothing)', async () => {
    const outside = await get('/api/v1/indicators/I-SUM/rates?territory=D29', who.departmentalAgentD13);
    expect(outside.status).toBe(403);
    expect(JSON.stringify(await outside.json())).not.toMatch(/Finistère/);
    expect((await get('/api/v1/indicators/I-SUM/values?territory=FRANCE', who.departmentalAgentD13)).status).toBe(403);
  });

  it('lists import batches only within the caller’s territories (file names and authors of others stay hidden)', async () => {
    const publish = async (identity: TestIdentity, zone: string, fileName: string) => {
      const response = await fetch(`${kit.url}/api/v1/imports?fileName=${fileName}`, { method: 'POST', headers: { 'content-type': 'text/csv', ...identity.headers }, body: csv(zone) });
      expect({ status: response.status, body: response.status === 200 ? null : await response.text() }).toEqual({ status: 200, body: null });
    };
    await publish(who.nationalSteering, 'D29', 'national-finistere.csv');
    await publish(who.nationalSteering, 'D13', 'national-bouches-du-rhone.csv');
    await publish(who.departmentalCoordinatorD13, 'D13', 'coordinator-d13.csv');
    const list = async (identity: TestIdentity) => {
      const response = await get('/api/v1/imports', identity);
      expect(response.status).toBe(200);
      return ((await response.json()) as Batches).batches.map((batch) => batch.fileName).sort();
    };
    expect(await list(who.nationalSteering)).toEqual(['coordinator-d13.csv', 'national-bouches-du-rhone.csv', 'national-finistere.csv']);
    expect(await list(who.departmentalCoordinatorD13)).toEqual(['coordinator-d13.csv', 'national-bouches-du-rhone.csv']);
    expect(await list(who.regionalCoordinatorR84)).toEqual([]);
    expect((await get('/api/v1/imports', who.anonymous)).status).toBe(401);
    expect((await get('/api/v1/imports', who.reader)).status).toBe(403);
  });
});
