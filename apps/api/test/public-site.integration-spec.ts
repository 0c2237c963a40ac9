import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createTestIdentities, walkOperations } from '@pilote/auth/testing';
import { jobQueueOf, loadReferential, PUBLIC_SNAPSHOT_JOB, writeMeasures } from '@pilote/core';
import { testInstance } from '@pilote/core/testing';
import { getNamedType, type GraphQLField, type GraphQLSchema, isObjectType, isScalarType, isEnumType } from 'graphql';
import { startTestKit, type TestKit } from '../src/testing';

const referential = path.join(__dirname, '../../../libs/core/test/fixtures/referential-small');
const levelOrder = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];

/**
 * Personal or unpublished things planted in the database; none may appear in any public answer.
 * (The policy owner and the users come from the fixture and createTestIdentities.)
 */
const SECRETS = [
  '@', 'Claire Martin', 'claire.martin', 'Zoé Secrète', 'Synthèse confidentielle', 'Commentaire interne',
  '987654', '4242', 'P-DRAFT', 'Brouillon caché', 'I-DRAFT', 'STORMY', 'owners', 'author', 'email',
];

/** A selection set of every field of a type, recursively (the "select everything" a leak would need). */
function selectAll(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>, depth = 0): string {
  const type = getNamedType(field.type);
  if (isScalarType(type) || isEnumType(type)) return '';
  if (!isObjectType(type) || depth > 4) return '';
  const inner = Object.values(type.getFields())
    .map((child) => `${child.name}${selectAll(schema, child, depth + 1)}`)
    .join(' ');
  return ` { ${inner} }`;
}

describe('public baromètre: the public read model answers only public, impersonal data', () => {
  let kit: TestKit;
  let schema: GraphQLSchema;
  const scanned = new Set<string>();

  beforeAll(async () => {
    const instance = testInstance({
      publicSite: { enabled: true, weather: true, levels: ['NAT', 'REG', 'DEPT'], hiddenIndicators: ['I-DELAY'], embeds: { allowedSites: ['http://127.0.0.1:9'] } },
    });
    // Dashboards closed: the public site must not depend on granting `read Dashboard` to anonymous visitors.
    kit = await startTestKit({ instance, openDashboards: false });
    const { dataSource } = kit.server.context;
    await loadReferential(dataSource, referential, { levels: levelOrder });
    await createTestIdentities(dataSource.manager);
    await dataSource.query(`INSERT INTO policy (id, code, name, kind, status, owners, levels) VALUES ('P-DRAFT', 'DRAFT', 'Brouillon caché', 'priority-reform', 'draft', '[{"name":"Zoé Secrète","email":"zoe@secret.gouv.fr"}]', '{NAT,REG,DEPT}')`);
    await dataSource.query(`INSERT INTO indicator (id, policy_id, name, type, unit, direction, periodicity, level_settings) VALUES ('I-DRAFT', 'P-DRAFT', 'Brouillon caché', 'impact', 'nombre', 'rising', 'monthly', '{"DEPT":{"weight":1}}')`);
    await dataSource.transaction((manager) =>
      writeMeasures(
        manager,
        [
          { indicatorId: 'I-SUM', territoryCode: 'D13', kind: 'VI', date: '2022-01-01', value: 10 },
          { indicatorId: 'I-SUM', territoryCode: 'D13', kind: 'VA', date: '2026-09-30', value: 20 },
          { indicatorId: 'I-SUM', territoryCode: 'D13', kind: 'VC', date: '2026-12-31', value: 50 },
          { indicatorId: 'I-SUM', territoryCode: 'D06', kind: 'VA', date: '2026-09-30', value: 7 },
          { indicatorId: 'I-DELAY', territoryCode: 'D13', kind: 'VA', date: '2026-09-30', value: 4242.5 },
          { indicatorId: 'I-DRAFT', territoryCode: 'D13', kind: 'VA', date: '2026-09-30', value: 4242.25 },
        ],
        { provenance: 'import', levelOrder, asOf: '2026-11-28' },
      ),
    );
    // A proposal not yet published, a météo with its text and author, an internal comment, a proposed météo.
    await dataSource.query(`INSERT INTO measure (indicator_id, territory_code, date, kind, value, provenance, state, author_id) VALUES ('I-SUM', 'D13', '2026-10-31', 'VA', 987654.5, 'user', 'submitted', 'u-1')`);
    await dataSource.query(
      `INSERT INTO narrative (policy_id, territory_code, kind, type, weather, body, state, author_name, author_id, date) VALUES
       ('P-1', 'FRANCE', 'weather', NULL, 'SUNNY', 'Synthèse confidentielle', 'published', 'Zoé Secrète', 'u-1', '2026-10-01'),
       ('P-1', 'FRANCE', 'comment', 'difficulty', NULL, 'Commentaire interne', 'published', 'Zoé Secrète', 'u-1', '2026-10-02'),
       ('P-1', 'FRANCE', 'weather', NULL, 'STORMY', 'Synthèse confidentielle', 'submitted', 'Zoé Secrète', 'u-1', '2026-11-01')`,
    );
    schema = kit.server.app.get(GraphQLSchemaHost).schema;
  });
  afterAll(() => kit?.close());

  /** Runs every public GraphQL query with a selection of all its fields; returns the raw answer text. */
  async function graphqlAll(name: string, args: string): Promise<{ text: string; body: { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] } }> {
    const field = schema.getQueryType()?.getFields()[name];
    if (!field) throw new Error(`no query ${name}`);
    const response = await fetch(`${kit.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ ${name}${args}${selectAll(schema, field)} }` }),
    });
    const text = await response.text();
    scanned.add(`Query.${name}`);
    return { text, body: JSON.parse(text) as never };
  }

  async function rest(route: string, url: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${kit.url}${url}`);
    scanned.add(`GET ${route}`);
    return { status: response.status, text: await response.text() };
  }

  function expectNoSecret(text: string) {
    for (const secret of SECRETS) expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
  }

  it('answers every public GraphQL query with published, public data and no personal field', async () => {
    const answers = [
      await graphqlAll('publicSite', ''),
      await graphqlAll('publicHome', ''),
      await graphqlAll('publicPolicy', '(policyId: "P-1")'),
      await graphqlAll('publicPolicy', '(policyId: "P-1", territoryCode: "D13")'),
      await graphqlAll('publicIndicator', '(indicatorId: "I-SUM")'),
      await graphqlAll('publicIndicator', '(indicatorId: "I-SUM", territoryCode: "D13")'),
      await graphqlAll('publicTerritories', '(level: "DEPT")'),
    ];
    for (const answer of answers) {
      expect(answer.body.errors).toBeUndefined();
      expectNoSecret(answer.text);
    }
    // Not vacuous: the public figures are there.
    const [site, home, policy, , indicator, atD13] = answers.map((answer) => answer.body.data as Record<string, Record<string, unknown>>);
    expect(site.publicSite).toMatchObject({ enabled: true, rootTerritory: 'FRANCE', mapLevel: 'DEPT', levels: ['NAT', 'REG', 'DEPT'] });
    expect(home.publicHome.policies).toEqual([expect.objectContaining({ id: 'P-1', weather: 'SUNNY', indicatorCount: 1, valuesAsOf: '2026-09-30' })]);
    expect((policy.publicPolicy.indicators as { id: string }[]).map((i) => i.id)).toEqual(['I-SUM']);
    expect((policy.publicPolicy.map as { code: string }[]).length).toBeGreaterThan(90);
    // The nation's values are sums of the départements': aggregated, and marked so.
    expect(indicator.publicIndicator.points).toEqual([{ date: '2022-01-01', kind: 'VI', value: 10, aggregated: true }, { date: '2026-09-30', kind: 'VA', value: 27, aggregated: true }]);
    expect(atD13.publicIndicator).toMatchObject({ points: [{ date: '2022-01-01', kind: 'VI', value: 10, aggregated: false }, { date: '2026-09-30', kind: 'VA', value: 20, aggregated: false }], targets: [{ kind: 'VC', value: 50 }] });
  });

  it('refuses what is not public with one answer for "not public" and "not there", never data', async () => {
    for (const [name, args] of [
      ['publicPolicy', '(policyId: "P-DRAFT")'],
      ['publicPolicy', '(policyId: "NOPE")'],
      ['publicIndicator', '(indicatorId: "I-DELAY")'],
      ['publicIndicator', '(indicatorId: "I-DRAFT")'],
      ['publicIndicator', '(indicatorId: "I-SUM", territoryCode: "C13055")'],
      ['publicTerritories', '(level: "COM")'],
    ] as const) {
      const { body } = await graphqlAll(name, args);
      expect({ name, args, data: body.data ?? null, code: body.errors?.[0]?.extensions?.code }).toEqual({ name, args, data: null, code: 'NOT_PUBLIC' });
    }
  });

  it('serves CSV and JSON files of values and rates, aggregated values marked, with their Table Schema and no personal field', async () => {
    const values = await rest('/api/v1/public/indicators/:id/values', '/api/v1/public/indicators/I-SUM/values');
    expect(values.status).toBe(200);
    const lines = values.text.trim().split('\n');
    expect(lines[0]).toBe('indicator_id;territory_code;territory_name;level;date;kind;value;aggregated');
    expect(lines).toContain('I-SUM;FRANCE;France;NAT;2026-09-30;VA;27;true');
    expect(lines).toContain('I-SUM;D13;Bouches-du-Rhône;DEPT;2026-09-30;VA;20;false');
    expectNoSecret(values.text);
    const rates = await rest('/api/v1/public/indicators/:id/rates', '/api/v1/public/indicators/I-SUM/rates?format=json');
    expect(JSON.parse(rates.text)).toMatchObject({ schema: '/api/v1/public/schemas/indicator-rates.json', data: expect.arrayContaining([expect.objectContaining({ territory_code: 'D13', global_rate: 25 })]) });
    expectNoSecret(rates.text);
    const policyRates = await rest('/api/v1/public/policies/:id/rates', '/api/v1/public/policies/P-1/rates?level=DEPT');
    expect(policyRates.status).toBe(200);
    expect(policyRates.text.split('\n')[0]).toBe('policy_id;territory_code;territory_name;level;annual_rate;global_rate;rate_date;updated_on');
    expectNoSecret(policyRates.text);
    const schema = await rest('/api/v1/public/schemas/:table', '/api/v1/public/schemas/values.json');
    const fields = (JSON.parse(schema.text) as { fields: { name: string }[] }).fields.map((f) => f.name);
    expect(fields).toEqual(lines[0].split(';'));
    for (const url of ['/api/v1/public/indicators/I-DELAY/values', '/api/v1/public/indicators/I-DRAFT/rates', '/api/v1/public/policies/P-DRAFT/rates']) {
      const refused = await fetch(`${kit.url}${url}`);
      expect({ url, status: refused.status, body: await refused.json() }).toEqual({ url, status: 404, body: expect.objectContaining({ error: 'NOT_PUBLIC' }) });
    }
    expect((await fetch(`${kit.url}/api/v1/public/indicators/I-SUM/values?format=xls`)).status).toBe(400);
  });

  it('serves the same rows as Parquet, typed by the Table Schema that the file also carries', async () => {
    const { parquetMetadata, parquetReadObjects } = await import('hyparquet');
    for (const [route, url, table] of [
      ['/api/v1/public/indicators/:id/values', '/api/v1/public/indicators/I-SUM/values', 'values'],
      ['/api/v1/public/indicators/:id/rates', '/api/v1/public/indicators/I-SUM/rates', 'indicator-rates'],
      ['/api/v1/public/policies/:id/rates', '/api/v1/public/policies/P-1/rates', 'policy-rates'],
    ] as const) {
      const response = await fetch(`${kit.url}${url}?format=parquet`);
      scanned.add(`GET ${route}`);
      expect({ url, status: response.status, type: response.headers.get('content-type') }).toEqual({ url, status: 200, type: 'application/vnd.apache.parquet' });
      expect(response.headers.get('content-disposition')).toMatch(/\.parquet"$/);
      const file = await response.arrayBuffer();
      const schema = JSON.parse((await rest('/api/v1/public/schemas/:table', `/api/v1/public/schemas/${table}.json`)).text) as { fields: { name: string; type: string }[] };
      const meta = parquetMetadata(file);
      expect(meta.schema.slice(1).map((column) => column.name)).toEqual(schema.fields.map((field) => field.name));
      expect(JSON.parse(meta.key_value_metadata?.find((kv) => kv.key === 'table_schema')?.value ?? '{}')).toEqual(schema);
      const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);
      const fromParquet = (await parquetReadObjects({ file })).map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, day(value)])));
      const fromJson = (JSON.parse((await rest(route, `${url}?format=json`)).text) as { data: Record<string, unknown>[] }).data.map((row) =>
        Object.fromEntries(schema.fields.map((field) => [field.name, row[field.name] === undefined || row[field.name] === '' ? null : field.type === 'number' && row[field.name] !== null ? Number(row[field.name]) : row[field.name]])),
      );
      expect(fromJson.length).toBeGreaterThan(0);
      expect(fromParquet).toEqual(fromJson);
      expectNoSecret(JSON.stringify(fromParquet));
    }
    expect((await fetch(`${kit.url}/api/v1/public/indicators/I-DELAY/values?format=parquet`)).status).toBe(404);
  });

  it('publishes a DCAT-AP catalogue entry of the public files, each conforming to its Table Schema', async () => {
    const catalogue = await rest('/api/v1/public/catalogue.json', '/api/v1/public/catalogue.json');
    // JSON-LD keywords (@context, @type, @id) are the only "@" allowed, and the EU frequency vocabulary's "authority" the only "author".
    expectNoSecret(catalogue.text.replace(/"@(context|type|id)"/g, '""').replace(/resource\/authority\//g, ''));
    const doc = JSON.parse(catalogue.text) as { '@type': string; 'dcat:dataset': { 'dct:identifier': string; 'dcat:distribution': { 'dcat:downloadURL': { '@id': string }; 'dct:conformsTo': { '@id': string } }[] }[] };
    expect(doc['@type']).toBe('dcat:Catalog');
    expect(doc['dcat:dataset'].map((d) => d['dct:identifier']).sort()).toEqual(['I-SUM', 'P-1']);
    const [values, valuesParquet] = doc['dcat:dataset'].find((d) => d['dct:identifier'] === 'I-SUM')!['dcat:distribution'];
    expect(values['dcat:downloadURL']['@id']).toBe(`${kit.url}/api/v1/public/indicators/I-SUM/values`);
    expect(values['dct:conformsTo']['@id']).toMatch(/\/api\/v1\/public\/schemas\/values\.json$/);
    // The same file in Parquet, conforming to the same schema.
    expect(valuesParquet).toMatchObject({ 'dct:format': 'PARQUET', 'dcat:mediaType': 'application/vnd.apache.parquet', 'dcat:downloadURL': { '@id': `${kit.url}/api/v1/public/indicators/I-SUM/values?format=parquet` }, 'dct:conformsTo': values['dct:conformsTo'] });
  });

  it('keeps a daily snapshot of every public file through the job queue, served as it was that day', async () => {
    const { dataSource } = kit.server.context;
    await jobQueueOf(kit.server.context).enqueue(dataSource.manager, PUBLIC_SNAPSHOT_JOB, { takenOn: '2026-12-01' });
    let listed: { takenOn: string; file: string; rows: number }[] = [];
    // The queue polls every few seconds (PILOTE_JOBS_POLL_SECONDS): wait up to a minute.
    for (let attempt = 0; attempt < 120 && listed.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      listed = (JSON.parse((await rest('/api/v1/public/snapshots', '/api/v1/public/snapshots')).text) as { data: typeof listed }).data;
    }
    expect(listed.map((row) => row.file).sort()).toEqual([
      'indicator-I-SUM-rates.csv', 'indicator-I-SUM-rates.parquet', 'indicator-I-SUM-values.csv', 'indicator-I-SUM-values.parquet', 'policy-P-1-rates.csv', 'policy-P-1-rates.parquet',
    ]);
    const file = await rest('/api/v1/public/snapshots/:date/:file', '/api/v1/public/snapshots/2026-12-01/indicator-I-SUM-values.csv');
    expect(file.text).toBe((await rest('/api/v1/public/indicators/:id/values', '/api/v1/public/indicators/I-SUM/values')).text);
    const parquet = await fetch(`${kit.url}/api/v1/public/snapshots/2026-12-01/indicator-I-SUM-values.parquet`);
    expect(parquet.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    const { parquetReadObjects } = await import('hyparquet');
    expect((await parquetReadObjects({ file: await parquet.arrayBuffer() })).length).toBe(file.text.trim().split('\n').length - 1);
    expectNoSecret(file.text);
    // A hidden indicator's files are never listed nor served, even if a past snapshot held them.
    expect((await fetch(`${kit.url}/api/v1/public/snapshots/2026-12-01/indicator-I-DELAY-values.csv`)).status).toBe(404);
    expect((await fetch(`${kit.url}/api/v1/public/snapshots/01-12-2026/x.csv`)).status).toBe(400);
  }, 120_000);

  it('lets only the allowed sites frame embed pages, and no site frame any other page', async () => {
    const embed = await fetch(`${kit.url}/embed/indicator-chart/I-SUM`);
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors http://127.0.0.1:9');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    for (const page of ['/', '/public', '/public/policies/P-1', '/policies/P-1']) {
      const response = await fetch(`${kit.url}${page}`);
      expect({ page, csp: response.headers.get('content-security-policy')?.includes("frame-ancestors 'none'"), xfo: response.headers.get('x-frame-options') }).toEqual({ page, csp: true, xfo: 'SAMEORIGIN' });
    }
  });

  it('answers oEmbed for public pages and embeds only, and serves the web component to other sites', async () => {
    const oembed = async (url: string) => {
      scanned.add('GET /api/v1/oembed');
      const response = await fetch(`${kit.url}/api/v1/oembed?format=json&url=${encodeURIComponent(url)}`);
      return { status: response.status, text: await response.text() };
    };
    const chart = await oembed(`${kit.url}/embed/indicator-chart/I-SUM?territory=D13`);
    expect(chart.status).toBe(200);
    expect(JSON.parse(chart.text)).toMatchObject({ version: '1.0', type: 'rich', title: 'Nombre de structures ouvertes', html: expect.stringContaining(`<iframe src="${kit.url}/embed/indicator-chart/I-SUM?territory=D13"`) });
    expectNoSecret(chart.text);
    const page = await oembed(`${kit.url}/public/policies/P-1`);
    expect(JSON.parse(page.text)).toMatchObject({ title: 'Politique de test', html: expect.stringContaining('/embed/policy-gauge/P-1') });
    for (const url of [`${kit.url}/embed/indicator-chart/I-DELAY`, `${kit.url}/embed/policy-map/P-DRAFT`, `${kit.url}/policies/P-1`, `https://elsewhere.example/embed/indicator-chart/I-SUM`]) {
      expect({ url, status: (await oembed(url)).status }).toEqual({ url, status: 404 });
    }
    expect((await fetch(`${kit.url}/api/v1/oembed?format=xml&url=x`)).status).toBe(501);
    const script = await fetch(`${kit.url}/embed.js`);
    scanned.add('GET /embed.js');
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(script.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(await script.text()).toContain("customElements.define('pilote-embed'");
  });

  it('has scanned every public operation of the live app (a new public operation must be added to the scan)', () => {
    const publicOnes = walkOperations(kit.server.app)
      .filter((operation) => operation.access?.kind === 'public')
      .map((operation) => operation.name)
      .filter((name) => name.startsWith('Query.public') || name.startsWith('GET /api/v1/public') || name === 'GET /api/v1/oembed' || name === 'GET /embed.js');
    expect(publicOnes.length).toBeGreaterThanOrEqual(13);
    expect([...scanned].sort()).toEqual(expect.arrayContaining(publicOnes.sort()));
  });
});

describe('public baromètre switched off (the default)', () => {
  let kit: TestKit;
  beforeAll(async () => {
    kit = await startTestKit({ openDashboards: true });
    await loadReferential(kit.server.context.dataSource, referential, { levels: levelOrder });
  });
  afterAll(() => kit?.close());

  it('says so and answers no public data, even when dashboards are open to anonymous visitors', async () => {
    expect((await kit.graphql('{ publicSite { enabled levels rootTerritory } }')).data).toEqual({ publicSite: { enabled: false, levels: [], rootTerritory: null } });
    const home = await kit.graphql('{ publicHome { policies { id } } }');
    expect(home.errors?.[0].extensions?.code).toBe('NOT_PUBLIC');
    expect((await fetch(`${kit.url}/api/v1/public/indicators/I-SUM/values`)).status).toBe(404);
  });
});
