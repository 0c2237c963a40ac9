import path from 'node:path';
import { loadReferential, type NewMeasure, writeMeasures } from '@pilote/core';
import { type AuthTestApp, startAuthTestApp } from './testing/auth-test-app';
import { graphql, type GraphqlResult } from './testing/graphql-client';
import { createTestIdentities, type TestIdentity, type TestIdentityName } from './testing/identities';

const referential = path.join(__dirname, '../../core/test/fixtures/referential-small');
const levelOrder = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];
const m = (indicatorId: string, territoryCode: string, kind: NewMeasure['kind'], date: string, value: number): NewMeasure => ({ indicatorId, territoryCode, kind, date, value });

type Outcome = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED';
const NAMES: TestIdentityName[] = ['admin', 'nationalSteering', 'regionalCoordinatorR84', 'departmentalAgentD13', 'reader', 'outOfScopeAgentD29', 'anonymous'];

/** Expected outcome per identity, in the order of NAMES. */
const row = (...outcomes: Outcome[]) => Object.fromEntries(NAMES.map((name, i) => [name, outcomes[i]])) as Record<TestIdentityName, Outcome>;

function outcome(result: GraphqlResult<unknown>): Outcome | string {
  if (!result.errors?.length) return 'ok';
  return result.errors[0].extensions?.code ?? result.errors[0].message;
}

describe('permission matrix (every identity × every query)', () => {
  let api: AuthTestApp;
  let who: Record<TestIdentityName, TestIdentity>;

  beforeAll(async () => {
    process.env.PILOTE_AS_OF = '2026-11-28';
    api = await startAuthTestApp();
    const { dataSource } = api.context;
    expect((await loadReferential(dataSource, referential, { levels: levelOrder })).ok).toBe(true);
    await dataSource.transaction((manager) =>
      writeMeasures(manager, [
        m('I-SUM', 'D13', 'VI', '2022-01-01', 10), m('I-SUM', 'D13', 'VA', '2026-09-30', 20), m('I-SUM', 'D13', 'VC', '2026-12-31', 50),
        m('I-SUM', 'D29', 'VI', '2022-01-01', 0), m('I-SUM', 'D29', 'VA', '2026-09-30', 10), m('I-SUM', 'D29', 'VC', '2026-12-31', 10),
        m('I-SUM', 'D69', 'VI', '2022-01-01', 0), m('I-SUM', 'D69', 'VA', '2026-09-30', 5), m('I-SUM', 'D69', 'VC', '2026-12-31', 10),
        ...['D13', 'D29', 'D69'].flatMap((code) => [m('I-DELAY', code, 'VI', '2022-01-01', 30), m('I-DELAY', code, 'VA', '2026-09-30', 20), m('I-DELAY', code, 'VC', '2026-12-31', 10)]),
      ], { provenance: 'user', levelOrder, asOf: '2026-11-28' }),
    );
    who = await createTestIdentities(dataSource.manager);
  });

  afterAll(async () => {
    await api?.close();
    delete process.env.PILOTE_AS_OF;
  });

  const ask = (name: TestIdentityName, query: string, variables: Record<string, unknown> = {}) => graphql(api.url, query, variables, who[name].headers);

  const queries: [label: string, query: string, expected: Record<TestIdentityName, Outcome>][] = [
    ['home(FRANCE)', '{ home(territoryCode: "FRANCE") { territory { code } } }', row('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['home(D13)', '{ home(territoryCode: "D13") { territory { code } } }', row('ok', 'ok', 'FORBIDDEN', 'ok', 'ok', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['home(D69)', '{ home(territoryCode: "D69") { territory { code } } }', row('ok', 'ok', 'ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['policyAt(P-1, D13)', '{ policyAt(policyId: "P-1", territoryCode: "D13") { globalRate { value } } }', row('ok', 'ok', 'FORBIDDEN', 'ok', 'ok', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['indicatorSeries(I-SUM, D13)', '{ indicatorSeries(indicatorId: "I-SUM", territoryCode: "D13", withChildren: true) { __typename } }', row('ok', 'ok', 'FORBIDDEN', 'ok', 'ok', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['explanation(D13)', '{ explanation(id: "indicator:I-SUM:D13:global") { value } }', row('ok', 'ok', 'FORBIDDEN', 'ok', 'ok', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['territories(DEPT)', '{ territories(level: "DEPT") { totalCount } }', row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHENTICATED')],
    ['territory(D13)', '{ territory(code: "D13") { name } }', row('ok', 'ok', 'FORBIDDEN', 'ok', 'ok', 'FORBIDDEN', 'UNAUTHENTICATED')],
    ['policies', '{ policies { id } }', row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHENTICATED')],
    ['myApiTokens', '{ myApiTokens { id } }', row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHENTICATED')],
    ['instance (public branding)', '{ instance { id } }', row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok')],
  ];

  it.each(queries)('%s: allowed and refused as expected', async (_label, query, expected) => {
    const actual: Record<string, Outcome | string> = {};
    for (const name of NAMES) actual[name] = outcome(await ask(name, query));
    expect(actual).toEqual(expected);
  });

  it('refuses an unknown territory exactly like an out-of-scope one (no existence oracle)', async () => {
    const outside = await ask('departmentalAgentD13', '{ home(territoryCode: "D29") { territory { code } } }');
    const unknown = await ask('departmentalAgentD13', '{ home(territoryCode: "D999") { territory { code } } }');
    expect(outside.errors?.[0].message).toBe(unknown.errors?.[0].message);
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(outside)).not.toMatch(/D29|Finistère/);
  });

  it('keeps lists, counts, peers and maps inside the scope', async () => {
    const list = (name: TestIdentityName) =>
      ask(name, '{ territories(level: "DEPT", first: 500) { totalCount edges { node { code parentCode } } } }') as Promise<GraphqlResult<{ territories: { totalCount: number; edges: { node: { code: string; parentCode: string } }[] } }>>;
    const everyone = (await list('reader')).data!.territories;
    expect(everyone.totalCount).toBeGreaterThan(90);
    const d13 = (await list('departmentalAgentD13')).data!.territories;
    expect(d13.totalCount).toBe(1);
    expect(d13.edges.map((e) => e.node.code)).toEqual(['D13']);
    const r84 = (await list('regionalCoordinatorR84')).data!.territories;
    expect(r84.totalCount).toBe(12);
    expect(new Set(r84.edges.map((e) => e.node.parentCode))).toEqual(new Set(['R84']));

    type Home = { home: { map: { code: string }[]; globalRate: { count: number }; policies: { peers: { count: number } }[] } };
    const homeQuery = '{ home(territoryCode: "D13") { map { code } globalRate { count } policies { peers { count } } } }';
    const asReader = (await ask('reader', homeQuery)).data as Home;
    const asAgent = (await ask('departmentalAgentD13', homeQuery)).data as Home;
    expect(asReader.home.policies[0].peers.count).toBe(3); // D13, D29, D69 have a rate
    expect(asAgent.home.policies[0].peers.count).toBe(1); // only D13 is in the agent's scope
    expect(asAgent.home.map.every((t) => t.code === 'D13' || t.code.startsWith('E') || t.code.startsWith('C'))).toBe(true);
    expect(asAgent.home.globalRate.count).toBeLessThanOrEqual(1);
    expect(JSON.stringify(asAgent)).not.toMatch(/"D29"|"D69"/);
  });
});
