import path from 'node:path';
import { Client } from 'pg';
import { loadReferential, writeMeasures, type NewMeasure } from '@pilote/core';
import { startTestKit, type TestKit } from '../src/testing';

const referential = path.join(__dirname, '../../../libs/core/test/fixtures/referential-small');
const levelOrder = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];
const asOf = '2026-11-28';

/** Counts SQL statements sent by every pg client of this process while `work` runs. */
async function countStatements(work: () => Promise<unknown>): Promise<number> {
  const original = Client.prototype.query;
  let count = 0;
  Client.prototype.query = function counted(this: Client, ...args: unknown[]) {
    count += 1;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;
  try {
    await work();
  } finally {
    Client.prototype.query = original;
  }
  return count;
}

const m = (indicatorId: string, territoryCode: string, kind: NewMeasure['kind'], date: string, value: number): NewMeasure => ({ indicatorId, territoryCode, kind, date, value });

describe('dashboard API on real computations', () => {
  let kit: TestKit;

  beforeAll(async () => {
    process.env.PILOTE_AS_OF = asOf;
    kit = await startTestKit();
    const { dataSource } = kit.server.context;
    const loaded = await loadReferential(dataSource, referential, { levels: [...levelOrder, 'CRTE'] });
    expect(loaded.ok).toBe(true);
    await dataSource.transaction((manager) =>
      writeMeasures(
        manager,
        [
          m('I-SUM', 'D13', 'VI', '2022-01-01', 10), m('I-SUM', 'D13', 'VA', '2026-09-30', 20), m('I-SUM', 'D13', 'VC', '2026-12-31', 50),
          m('I-SUM', 'D84', 'VI', '2022-01-01', 0), m('I-SUM', 'D84', 'VA', '2026-09-30', 10), m('I-SUM', 'D84', 'VC', '2026-12-31', 10),
          m('I-DELAY', 'D13', 'VI', '2022-01-01', 30), m('I-DELAY', 'D13', 'VA', '2026-09-30', 20), m('I-DELAY', 'D13', 'VC', '2026-12-31', 10),
          m('I-DELAY', 'D84', 'VI', '2022-01-01', 40), m('I-DELAY', 'D84', 'VA', '2026-09-30', 40), m('I-DELAY', 'D84', 'VC', '2026-12-31', 20),
          m('I-DELAY', 'FRANCE', 'VC', '2026-12-31', 15),
        ],
        { provenance: 'user', levelOrder, asOf },
      ),
    );
  });

  afterAll(async () => {
    await kit.close();
    delete process.env.PILOTE_AS_OF;
  });

  const policyAt = (territoryCode: string) =>
    kit.graphql<{ policyAt: { globalRate: { value: number | null; explanationId: string }; indicators: { indicator: { id: string }; globalRate: { value: number | null }; current: { value: number } | null; weight: number }[] } }>(
      `query($t: String!) { policyAt(policyId: "P-1", territoryCode: $t) {
         globalRate { value explanationId }
         indicators { indicator { id } weight globalRate { value } current { value } } } }`,
      { t: territoryCode },
    );

  it('computes indicator rates at the entered level and sums them up the levels', async () => {
    const d13 = await policyAt('D13');
    const rates = Object.fromEntries(d13.data!.policyAt.indicators.map((i) => [i.indicator.id, i.globalRate.value]));
    expect(rates['I-SUM']).toBeCloseTo(25); // 100 × (20 − 10) / (50 − 10)
    expect(rates['I-DELAY']).toBeCloseTo(50); // falling: 100 × (20 − 30) / (10 − 30)
    // weights 1 and 3: (25 × 1 + 50 × 3) / 4
    expect(d13.data!.policyAt.globalRate.value).toBeCloseTo(43.75);

    const r93 = await policyAt('R93');
    const sum = r93.data!.policyAt.indicators.find((i) => i.indicator.id === 'I-SUM')!;
    expect(sum.current?.value).toBe(30);
    expect(sum.globalRate.value).toBeCloseTo(40); // 100 × (30 − 10) / (60 − 10)
  });

  it('explains a policy rate with its formula, weights and indicator rates to drill into', async () => {
    const { data } = await kit.graphql<{ explanation: { ruleId: string; formula: string; value: number; inputs: { role: string; value: number | null; ref: string | null; weight: number | null }[] } }>(
      `{ explanation(id: "policy:P-1:D13:global") { ruleId formula value inputs { role value ref weight } } }`,
    );
    expect(data!.explanation.ruleId).toBe('policy-rate.weighted-mean');
    expect(data!.explanation.value).toBeCloseTo(43.75);
    expect(data!.explanation.formula).toMatch(/25/);
    const rates = data!.explanation.inputs.filter((input) => input.role === 'indicatorRate');
    expect(rates.map((r) => r.ref).sort()).toEqual(['indicator:I-DELAY:D13:global', 'indicator:I-SUM:D13:global']);
    expect(rates.map((r) => r.weight).sort()).toEqual([0.25, 0.75]);
  });

  it('explains an aggregated value with its contributing territories and partial coverage', async () => {
    const { data } = await kit.graphql<{ explanation: { ruleId: string; value: number; reason: string | null; unit: string; formulaKey: string; formulaParams: string; reasonCode: string; reasonParams: string; inputs: { role: string; territoryCode: string; territoryName: string; value: number }[] } }>(
      `{ explanation(id: "indicator:I-SUM:R93:current") { ruleId value reason unit formulaKey formulaParams reasonCode reasonParams inputs { role territoryCode territoryName value } } }`,
    );
    // A count is an amount, not a rate; its formula and reason are codes with numbers, written by the reader's page.
    expect(data!.explanation.unit).toBe('amount');
    expect(data!.explanation.formulaKey).toBe('sum');
    expect(JSON.parse(data!.explanation.formulaParams)).toMatchObject({ value: 30, count: 2 });
    expect(data!.explanation.reasonCode).toBe('partial-coverage');
    expect(JSON.parse(data!.explanation.reasonParams)).toEqual({ count: 2, expected: 6 });
    expect(data!.explanation.ruleId).toBe('aggregate.sum');
    expect(data!.explanation.value).toBe(30);
    expect(data!.explanation.inputs.filter((i) => i.role === 'child').map((i) => i.territoryName).sort()).toEqual(['Bouches-du-Rhône', 'Vaucluse']);
    expect(data!.explanation.reason).toMatch(/2 of 6/);
  });

  it('refreshes every dependent rate when a value is written (no batch)', async () => {
    const { dataSource } = kit.server.context;
    await dataSource.transaction((manager) => writeMeasures(manager, [m('I-SUM', 'D13', 'VA', '2026-10-31', 30)], { provenance: 'user', levelOrder, asOf }));
    const r93 = await policyAt('R93');
    expect(r93.data!.policyAt.indicators.find((i) => i.indicator.id === 'I-SUM')!.globalRate.value).toBeCloseTo(60); // (40 − 10) / (60 − 10)
    const france = await policyAt('FRANCE');
    expect(france.data!.policyAt.indicators.find((i) => i.indicator.id === 'I-SUM')!.current?.value).toBe(40);
  });

  it('answers the home query in the same number of SQL statements whatever the number of policies', async () => {
    const home = `{ home(territoryCode: "FRANCE") { globalRate { value median } map { code value }
      policies { policy { id name indicators { id name } taxonomies { id } } globalRate { value } weather { level } trend { direction } alerts { code } } } }`;
    const before = await countStatements(() => kit.graphql(home));
    const { dataSource } = kit.server.context;
    for (let i = 2; i <= 12; i += 1) {
      await dataSource.query(`INSERT INTO policy (id, code, name, kind, status, levels) VALUES ($1, $1, $2, 'other', 'published', '{NAT,REG,DEPT}')`, [`P-${i}`, `Politique ${i}`]);
      await dataSource.query(
        `INSERT INTO indicator (id, policy_id, name, type, unit, direction, periodicity, level_settings) VALUES ($1, $2, 'x', 'impact', '%', 'rising', 'monthly', '{"DEPT":{"weight":1}}')`,
        [`I-${i}`, `P-${i}`],
      );
    }
    let result: { data?: { home: { policies: unknown[] } } } = {};
    const after = await countStatements(async () => (result = await kit.graphql<{ home: { policies: unknown[] } }>(home)));
    expect(result.data!.home.policies).toHaveLength(12);
    expect(after).toBe(before);
    // who is asking (1), the data revision (1, docs/adr/028), the territory (1), policy rows with
    // peers, freshness and means (1), at FRANCE alone at its level its own territories to compare
    // with (2), then one DataLoader batch each for indicators and taxonomies (2):
    // docs/adr/017-one-statement-per-read.md
    expect(before).toBeLessThanOrEqual(8);
    // Nothing written since: the answer is reused, only who is asking, the revision and the loaders run.
    expect(await countStatements(() => kit.graphql(home))).toBeLessThanOrEqual(4);
  });

  it('answers bad requests with a code and no stack trace', async () => {
    const unknown = await kit.graphql(`{ home(territoryCode: "D999") { policies { policy { id } } } }`);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(unknown.errors?.[0].message).toContain('D999');
    expect(JSON.stringify(unknown)).not.toMatch(/stacktrace|at .*\.ts:/);
    const deep = await kit.graphql(`{ territory(code: "C13055") { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { code } } } } } } } } } } } }`);
    expect(deep.errors?.[0].message).toMatch(/Query is too deep: 11 levels, the limit is 10/);
    expect(deep.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Aliases multiply a query's cost: ten pages of 500 territories with their parents.
    const page = `territories(first: 500) { edges { node { code name level population parentCode parent { code name level population parentCode } } } }`;
    const costly = await kit.graphql(`{ ${Array.from({ length: 10 }, (_, i) => `a${i}: ${page}`).join(' ')} }`);
    expect(costly.errors?.[0].message).toMatch(/Query is too complex: estimated cost \d+, the limit is \d+/);
    const affordable = await kit.graphql(`{ territories(first: 50) { edges { node { code name parent { code } } } } }`);
    expect(affordable.errors).toBeUndefined();
  });

  it('paginates territories with stable cursors', async () => {
    type Page = { territories: { edges: { node: { code: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string }; totalCount: number } };
    const first = await kit.graphql<Page>(`{ territories(level: "DEPT", first: 60) { edges { node { code } } pageInfo { hasNextPage endCursor } totalCount } }`);
    expect(first.data!.territories.totalCount).toBe(101);
    const second = await kit.graphql<Page>(`query($after: String) { territories(level: "DEPT", first: 60, after: $after) { edges { node { code } } pageInfo { hasNextPage endCursor } totalCount } }`, {
      after: first.data!.territories.pageInfo.endCursor,
    });
    const codes = [...first.data!.territories.edges, ...second.data!.territories.edges].map((e) => e.node.code);
    expect(new Set(codes).size).toBe(101);
    expect(codes).toContain('D971');
    expect(second.data!.territories.pageInfo.hasNextPage).toBe(false);
  });

  it('explains and draws a page read at a past date with the figures of that date (ADR 042)', async () => {
    // After the write above (I-SUM D13: 30 on 31 Oct), PACA's count is 30 + 10 today; on 15 Oct it was 20 + 10.
    type Explained = { explanation: { value: number | null; inputs: { territoryCode: string | null; value: number | null; date: string | null }[] } | null };
    const explain = (date?: string) => kit.graphql<Explained>(`query($d: String) { explanation(id: "indicator:I-SUM:R93:current", asOf: $d) { value inputs { territoryCode value date } } }`, { d: date });
    expect((await explain()).data!.explanation!.value).toBe(40);
    const past = await explain('2026-10-15');
    expect(past.errors).toBeUndefined();
    expect(past.data!.explanation!.value).toBe(30);
    expect(past.data!.explanation!.inputs.find((input) => input.territoryCode === 'D13')).toMatchObject({ value: 20, date: '2026-09-30' });

    type Series = { indicatorSeries: { points: { date: string; kind: string }[]; targets: { date: string }[]; children: { code: string; points: { date: string }[] }[] } };
    const series = (date?: string) => kit.graphql<Series>(`query($d: String) { indicatorSeries(indicatorId: "I-SUM", territoryCode: "R93", withChildren: true, asOf: $d) { points { date kind } targets { date } children { code points { date } } } }`, { d: date });
    const dates = (answer: Series['indicatorSeries']) => [...answer.points, ...answer.targets, ...answer.children.flatMap((c) => c.points)].map((p) => p.date);
    const then = (await series('2026-10-15')).data!.indicatorSeries;
    expect(dates(then).filter((date) => date > '2026-10-15')).toEqual([]);
    expect(then.points.filter((p) => p.kind === 'VA').map((p) => p.date)).toEqual(['2026-09-30']);
    expect(dates((await series()).data!.indicatorSeries)).toEqual(expect.arrayContaining(['2026-10-31', '2026-12-31']));

    for (const bad of [series('2026-13-01'), explain('2999-01-01')]) {
      const { errors } = await bad;
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
    }
  });
});
