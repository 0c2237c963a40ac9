import path from 'node:path';
import { loadReferential, writeMeasures } from '@pilote/core';
import { startTestKit, type TestKit } from '../src/testing';

const referential = path.join(__dirname, '../../../libs/core/test/fixtures/referential-small');
const levelOrder = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];

describe('open data REST API /api/v1', () => {
  let kit: TestKit;
  beforeAll(async () => {
    kit = await startTestKit();
    const { dataSource } = kit.server.context;
    await loadReferential(dataSource, referential, { levels: levelOrder });
    await dataSource.transaction((manager) =>
      writeMeasures(
        manager,
        [
          { indicatorId: 'I-SUM', territoryCode: 'D13', kind: 'VI', date: '2022-01-01', value: 10 },
          { indicatorId: 'I-SUM', territoryCode: 'D13', kind: 'VA', date: '2026-09-30', value: 20 },
          { indicatorId: 'I-SUM', territoryCode: 'D13', kind: 'VC', date: '2026-12-31', value: 50 },
          { indicatorId: 'I-SUM', territoryCode: 'D06', kind: 'VA', date: '2026-09-30', value: 7 },
        ],
        { provenance: 'import', levelOrder, asOf: '2026-11-28' },
      ),
    );
  });
  afterAll(() => kit.close());

  const get = (url: string) => fetch(`${kit.url}${url}`);

  it('publishes an OpenAPI document describing its routes', async () => {
    const doc = (await (await get('/api/v1/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/indicators/{id}/values', '/api/v1/indicators/{id}/rates', '/api/v1/policies/{id}/rates']));
  });

  it('serves rates per territory as JSON and as CSV', async () => {
    const json = (await (await get('/api/v1/indicators/I-SUM/rates?territory=D13')).json()) as { data: { global_rate: number; current_value: number }[] };
    expect(json.data).toHaveLength(1);
    expect(json.data[0].global_rate).toBeCloseTo(25);
    const csv = await get('/api/v1/indicators/I-SUM/rates?level=REG&format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\n')[0]).toContain('territory_code;level;territory_name');
    expect(text).toContain('R93;REG;Provence-Alpes-Côte d');
  });

  it('pages through values with a cursor, aggregated levels included', async () => {
    const first = (await (await get('/api/v1/indicators/I-SUM/values?limit=2')).json()) as { data: { territory_code: string; kind: string; value: number }[]; next: string };
    expect(first.data).toHaveLength(2);
    const all: { territory_code: string; kind: string; value: number; provenance?: string }[] = [...first.data];
    let next: string | null = first.next;
    while (next) {
      const page = (await (await get(`/api/v1/indicators/I-SUM/values?limit=2&after=${next}`)).json()) as { data: typeof all; next: string | null };
      all.push(...page.data);
      next = page.data.length ? page.next : null;
    }
    expect(all.filter((row) => row.territory_code === 'D13')).toHaveLength(3);
    expect(all.find((row) => row.territory_code === 'FRANCE' && row.kind === 'VA')).toMatchObject({ value: 27, provenance: 'aggregate' });
  });

  it('refuses bad parameters with a message naming them, and unknown ids with 404', async () => {
    const bad = await get('/api/v1/indicators/I-SUM/values?from=31/12/2024');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain('from must be a date YYYY-MM-DD');
    expect((await get('/api/v1/indicators/I-SUM/values?limit=0')).status).toBe(400);
    expect((await get('/api/v1/indicators/NOPE/rates')).status).toBe(404);
  });
});
