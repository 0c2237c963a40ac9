import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadReferential, type NewMeasure, writeMeasures } from '@pilote/core';
import { SYSTEM_ACTOR } from '../audit/audit';
import { CSRF_HEADER } from '../guards/auth.guard';
import { sessionCookieName } from '../sessions/session-cookie';
import { createSession } from '../sessions/session-store';
import { type AuthTestApp, startAuthTestApp } from '../testing/auth-test-app';
import { graphql, type GraphqlResult } from '../testing/graphql-client';
import { createTestIdentities, type TestIdentity, type TestIdentityName } from '../testing/identities';
import { createApiToken } from '../tokens/api-token.service';

// ADR 037, amended 2026-12-06: a right limited to policies or taxonomies reads the home, territory
// and indicator pages and the open data of its cells (territory subtree × policies), filtered by
// policy; what mixes every policy (home gauges, territory means) stays to full territory rights.

const levelOrder = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];
const asOf = '2026-11-28';
const GRANT = `mutation($email: String!, $roleId: ID!, $scope: ScopeInput!, $reason: String) {
  createAssignment(email: $email, roleId: $roleId, scope: $scope, reason: $reason) { id userId } }`;
const combined = (territoryCode: string | null, policyIds: string[] = [], taxonomyIds: string[] = []) => ({ kind: 'combined', territoryCode, policyIds, taxonomyIds });
const m = (indicatorId: string, territoryCode: string, kind: NewMeasure['kind'], date: string, value: number): NewMeasure => ({ indicatorId, territoryCode, kind, date, value });

type Home = { home: { policies: { policy: { id: string }; peers: { count: number } }[]; globalRate: { value: number | null; count: number }; map: { code: string }[] } };
type TerritoryView = { territoryView: { rates: { policy: { id: string } }[]; roadmap: { policy: { id: string } }[]; peers: { code: string }[]; rate: { value: number | null } } };
const HOME = `query($code: String!) { home(territoryCode: $code) { policies { policy { id } peers { count } } globalRate { value count } map { code } } }`;
const TERRITORY_VIEW = `query($code: String!) { territoryView(code: $code) { rates { policy { id } } roadmap { policy { id } } peers { code } rate { value } } }`;
const INDICATOR_AT = `query($id: ID!, $code: String!) { indicatorAt(indicatorId: $id, territoryCode: $code) { territory { code } territories { code } } }`;
const SERIES = `query($id: ID!, $code: String!) { indicatorSeries(indicatorId: $id, territoryCode: $code, withChildren: true) { territory { code } } }`;
const EXPLANATION = `query($id: ID!) { explanation(id: $id) { value } }`;
const TERRITORIES = `query($level: String, $parent: String) { territories(level: $level, parentCode: $parent, first: 500) { totalCount edges { node { code } } } }`;

describe('policy-limited readers read the territory pages, filtered by policy (ADR 037)', () => {
  let api: AuthTestApp;
  let who: Record<TestIdentityName, TestIdentity>;
  let referential: string;
  const headersOf = new Map<string, Record<string, string>>();

  beforeAll(async () => {
    process.env.PILOTE_AS_OF = asOf;
    // The small referential and a second policy P-2 (its own taxonomy, its own indicator).
    referential = mkdtempSync(path.join(tmpdir(), 'policy-cells-'));
    cpSync(path.join(__dirname, '../../../core/test/fixtures/referential-small'), referential, { recursive: true });
    appendFileSync(path.join(referential, 'taxonomies.yaml'), `\n- id: min-other\n  kind: ministry\n  label: Autre ministère\n`);
    appendFileSync(path.join(referential, 'policies.yaml'), `\n- id: P-2\n  name: Autre politique\n  kind: priority-reform\n  status: published\n  owners:\n    - name: Paul Durand\n      email: paul.durand@example.gouv.fr\n  levels: [NAT, REG, DEPT]\n  taxonomies: [min-other]\n`);
    appendFileSync(path.join(referential, 'indicators.yaml'), `\n- id: I-P2\n  policy: P-2\n  name: Indicateur de P-2\n  unit: nombre\n  direction: rising\n  periodicity: monthly\n  levels:\n    NAT: { weight: 1, VI: aggregated, VA: aggregated, VC: aggregated, aggregation: sum }\n    REG: { weight: 1, VI: aggregated, VA: aggregated, VC: aggregated, aggregation: sum }\n    DEPT: { weight: 1 }\n`);
    api = await startAuthTestApp();
    const { dataSource } = api.context;
    const loaded = await loadReferential(dataSource, referential, { levels: levelOrder });
    expect(loaded).toMatchObject({ ok: true });
    await dataSource.transaction((manager) =>
      writeMeasures(manager, ['D13', 'D29', 'D69'].flatMap((code, i) => [
        m('I-SUM', code, 'VI', '2022-01-01', 0), m('I-SUM', code, 'VA', '2026-09-30', 10 + i), m('I-SUM', code, 'VC', '2026-12-31', 40),
        m('I-DELAY', code, 'VI', '2022-01-01', 30), m('I-DELAY', code, 'VA', '2026-09-30', 20), m('I-DELAY', code, 'VC', '2026-12-31', 10),
        m('I-P2', code, 'VI', '2022-01-01', 0), m('I-P2', code, 'VA', '2026-09-30', 5 + i), m('I-P2', code, 'VC', '2026-12-31', 20),
      ]), { provenance: 'user', levelOrder, asOf }),
    );
    await dataSource.query(`INSERT INTO roadmap_item (territory_code, policy_id, local_objective) VALUES ('D29', 'P-1', 'Objectif P-1'), ('D29', 'P-2', 'Objectif P-2')`);
    who = await createTestIdentities(dataSource.manager);
    // Readers granted by an administrator, as on /admin/rights.
    const grant = async (email: string, scope: Record<string, unknown>) => {
      const granted = await graphql<{ createAssignment: { userId: string } }>(api.url, GRANT, { email, roleId: 'reader', scope, reason: 'test' }, who.admin.sessionHeaders);
      expect(granted.errors).toBeUndefined();
      return granted.data!.createAssignment.userId;
    };
    const users: [string, Record<string, unknown>[]][] = [
      ['d29p1', [combined('D29', ['P-1'])]],
      ['d29p2', [combined('D29', ['P-2'])]],
      ['d29tax', [combined('D29', [], ['min-test'])]],
      ['taxOther', [{ kind: 'taxonomies', ids: ['min-other'] }]],
      ['d13AndD29p2', [{ kind: 'territory', territoryCode: 'D13' }, combined('D29', ['P-2'])]],
    ];
    for (const [name, scopes] of users) {
      let userId = '';
      for (const scope of scopes) userId = await grant(`${name.toLowerCase()}@cells.test.gouv.fr`, scope);
      const { cookieValue, session } = await createSession(dataSource.manager, { userId, ttlSeconds: 600 });
      headersOf.set(name, { cookie: `${sessionCookieName({ secureCookies: false })}=${cookieValue}`, [CSRF_HEADER]: session.csrfToken });
      if (name === 'd29p1') {
        const { secret } = await createApiToken(dataSource.manager, { userId, name: 'open data', ttlDays: 1, scopes: ['read'], actor: SYSTEM_ACTOR });
        headersOf.set('d29p1Token', { authorization: `Bearer ${secret}` });
      }
    }
    headersOf.set('reader', who.reader.headers);
    headersOf.set('agentD29', who.outOfScopeAgentD29.headers);
  });

  afterAll(async () => {
    await api?.close();
    if (referential) rmSync(referential, { recursive: true, force: true });
    delete process.env.PILOTE_AS_OF;
  });

  const as = <T = Record<string, unknown>>(name: string, query: string, variables: Record<string, unknown> = {}) =>
    graphql<T>(api.url, query, variables, headersOf.get(name)!) as Promise<GraphqlResult<T>>;
  const code = (result: GraphqlResult<unknown>) => result.errors?.[0]?.extensions?.code ?? (result.errors ? result.errors[0].message : 'ok');
  const homePolicies = async (name: string, territory: string) => {
    const result = await as<Home>(name, HOME, { code: territory });
    expect(result.errors).toBeUndefined();
    return result.data!.home.policies.map((row) => row.policy.id);
  };
  const rest = async (name: string, pathAndQuery: string) => {
    const response = await fetch(`${api.url}/api/v1/${pathAndQuery}`, { headers: headersOf.get(name)! });
    return { status: response.status, body: (await response.json()) as { data?: { territory_code: string }[] } };
  };

  it('a D29 × P-1 reader opens the D29 home with P-1 only; its gauges mix every policy and stay empty; D13 and FRANCE are refused', async () => {
    const home = await as<Home>('d29p1', HOME, { code: 'D29' });
    expect(home.errors).toBeUndefined();
    expect(home.data!.home.policies.map((row) => row.policy.id)).toEqual(['P-1']);
    // Peers of P-1: the départements where this reader reads P-1 — D29 alone (an unrestricted reader counts 3).
    expect(home.data!.home.policies[0].peers.count).toBe(1);
    expect(home.data!.home.globalRate).toMatchObject({ value: null, count: 0 });
    expect(home.data!.home.map).toEqual([]);
    const everything = await as<Home>('reader', HOME, { code: 'D29' });
    expect(everything.data!.home.policies.map((row) => row.policy.id)).toEqual(['P-1', 'P-2']);
    expect(everything.data!.home.policies[0].peers.count).toBe(3);
    expect(everything.data!.home.globalRate.value).not.toBeNull();
    expect(code(await as('d29p1', HOME, { code: 'D13' }))).toBe('FORBIDDEN');
    expect(code(await as('d29p1', HOME, { code: 'FRANCE' }))).toBe('FORBIDDEN');
    expect(code(await as('d29p1', HOME, { code: 'R53' }))).toBe('FORBIDDEN');
    // Another cell on the same territory is answered for itself (the read cache keys on the cells).
    expect(await homePolicies('d29p2', 'D29')).toEqual(['P-2']);
    expect(await homePolicies('d29p1', 'D29')).toEqual(['P-1']);
  });

  it('shows the D29 territory page with P-1 rows and roadmap only, without means across policies', async () => {
    const view = await as<TerritoryView>('d29p1', TERRITORY_VIEW, { code: 'D29' });
    expect(view.errors).toBeUndefined();
    expect(view.data!.territoryView.rates.map((r) => r.policy.id)).toEqual(['P-1']);
    expect(view.data!.territoryView.roadmap.map((r) => r.policy.id)).toEqual(['P-1']);
    expect(view.data!.territoryView.peers).toEqual([]);
    expect(view.data!.territoryView.rate.value).toBeNull();
    const full = await as<TerritoryView>('agentD29', TERRITORY_VIEW, { code: 'D29' });
    expect(full.data!.territoryView.rates.map((r) => r.policy.id)).toEqual(['P-1', 'P-2']);
    expect(full.data!.territoryView.roadmap.map((r) => r.policy.id)).toEqual(['P-1', 'P-2']);
    expect(full.data!.territoryView.rate.value).not.toBeNull();
    expect(code(await as('d29p1', TERRITORY_VIEW, { code: 'D13' }))).toBe('FORBIDDEN');
  });

  it('opens the indicator page, series and explanations of its policy at D29 only', async () => {
    expect(code(await as('d29p1', INDICATOR_AT, { id: 'I-SUM', code: 'D29' }))).toBe('ok');
    expect(code(await as('d29p1', INDICATOR_AT, { id: 'I-P2', code: 'D29' }))).toBe('FORBIDDEN');
    expect(code(await as('d29p1', INDICATOR_AT, { id: 'I-SUM', code: 'D13' }))).toBe('FORBIDDEN');
    expect(code(await as('d29p1', INDICATOR_AT, { id: 'I-SUM', code: 'R53' }))).toBe('FORBIDDEN');
    expect(code(await as('d29p1', SERIES, { id: 'I-SUM', code: 'D29' }))).toBe('ok');
    expect(code(await as('d29p1', SERIES, { id: 'I-P2', code: 'D29' }))).toBe('FORBIDDEN');
    expect(code(await as('d29p1', EXPLANATION, { id: 'policy:P-1:D29:global' }))).toBe('ok');
    expect(code(await as('d29p1', EXPLANATION, { id: 'policy:P-1:D29:peers-median' }))).toBe('ok');
    expect(code(await as('d29p1', EXPLANATION, { id: 'indicator:I-SUM:D29:global' }))).toBe('ok');
    expect(code(await as('d29p1', EXPLANATION, { id: 'policy:P-2:D29:global' }))).toBe('FORBIDDEN');
    expect(code(await as('d29p1', EXPLANATION, { id: 'indicator:I-P2:D29:global' }))).toBe('FORBIDDEN');
    expect(code(await as('d29p1', EXPLANATION, { id: 'home:D29:global:mean' }))).toBe('FORBIDDEN'); // a gauge mixes every policy
    // Full rights on D13 and a cell D29 × P-2: P-2 at both, P-1 at D13 only.
    expect(code(await as('d13AndD29p2', INDICATOR_AT, { id: 'I-P2', code: 'D29' }))).toBe('ok');
    expect(code(await as('d13AndD29p2', INDICATOR_AT, { id: 'I-SUM', code: 'D29' }))).toBe('FORBIDDEN');
    expect(code(await as('d13AndD29p2', INDICATOR_AT, { id: 'I-SUM', code: 'D13' }))).toBe('ok');
  });

  it('lists the territories of its cells (names only)', async () => {
    const depts = await as<{ territories: { totalCount: number; edges: { node: { code: string } }[] } }>('d29p1', TERRITORIES, { level: 'DEPT' });
    expect(depts.data!.territories.edges.map((e) => e.node.code)).toEqual(['D29']);
    expect((await as<{ territories: { totalCount: number } }>('d29p1', TERRITORIES, { parent: 'D29' })).data!.territories.totalCount).toBeGreaterThan(0);
    expect(code(await as('d29p1', TERRITORIES, { parent: 'D13' }))).toBe('FORBIDDEN');
    expect(code(await as('d29p1', `{ territory(code: "D29") { name } }`))).toBe('ok');
    expect(code(await as('d29p1', `{ territory(code: "D13") { name } }`))).toBe('FORBIDDEN');
  });

  it('lists open-data rows of P-1 in the D29 subtree only (REST, token)', async () => {
    const indicatorRates = await rest('d29p1Token', 'indicators/I-SUM/rates');
    expect(indicatorRates.status).toBe(200);
    expect(indicatorRates.body.data!.map((r) => r.territory_code)).toEqual(['D29']);
    const policyRates = await rest('d29p1Token', 'policies/P-1/rates');
    expect(policyRates.body.data!.map((r) => r.territory_code)).toEqual(['D29']);
    const values = await rest('d29p1Token', 'indicators/I-SUM/values');
    expect([...new Set(values.body.data!.map((r) => r.territory_code))]).toEqual(['D29']);
    expect((await rest('d29p1Token', 'policies/P-2/rates')).body.data).toEqual([]);
    expect((await rest('d29p1Token', 'indicators/I-P2/values')).body.data).toEqual([]);
    expect((await rest('d29p1Token', 'indicators/I-SUM/rates?territory=D29')).body.data!.map((r) => r.territory_code)).toEqual(['D29']);
    expect((await rest('d29p1Token', 'indicators/I-P2/rates?territory=D29')).status).toBe(403);
    expect((await rest('d29p1Token', 'policies/P-1/rates?territory=D13')).status).toBe(403);
    // Unrestricted: every territory with a state (départements, régions, France).
    const all = await rest('reader', 'indicators/I-SUM/rates');
    expect(all.body.data!.map((r) => r.territory_code)).toEqual(expect.arrayContaining(['D13', 'D29', 'D69', 'FRANCE']));
  });

  it('a taxonomy-limited reader sees the policies of that taxonomy only', async () => {
    expect(await homePolicies('d29tax', 'D29')).toEqual(['P-1']); // P-1 is in min-test
    expect(code(await as('d29tax', HOME, { code: 'D69' }))).toBe('FORBIDDEN');
    expect(code(await as('d29tax', INDICATOR_AT, { id: 'I-P2', code: 'D29' }))).toBe('FORBIDDEN');
    // A taxonomy everywhere: any territory, P-2 (min-other) only.
    expect(await homePolicies('taxOther', 'D13')).toEqual(['P-2']);
    expect(await homePolicies('taxOther', 'FRANCE')).toEqual(['P-2']);
    expect(code(await as('taxOther', INDICATOR_AT, { id: 'I-SUM', code: 'D13' }))).toBe('FORBIDDEN');
    const rates = await rest('taxOther', 'indicators/I-P2/rates?level=DEPT');
    expect(rates.body.data!.map((r) => r.territory_code)).toEqual(['D13', 'D29', 'D69']);
    expect((await rest('taxOther', 'indicators/I-SUM/rates')).body.data).toEqual([]);
  });

  it('adds cells to full territory rights without widening them; unrestricted readers are unchanged', async () => {
    expect(await homePolicies('d13AndD29p2', 'D13')).toEqual(['P-1', 'P-2']);
    expect(await homePolicies('d13AndD29p2', 'D29')).toEqual(['P-2']);
    const rates = await rest('d13AndD29p2', 'indicators/I-P2/rates?level=DEPT');
    expect(rates.body.data!.map((r) => r.territory_code)).toEqual(['D13', 'D29']);
    expect((await rest('d13AndD29p2', 'indicators/I-SUM/rates?level=DEPT')).body.data!.map((r) => r.territory_code)).toEqual(['D13']);
    expect(await homePolicies('reader', 'D13')).toEqual(['P-1', 'P-2']);
    expect(await homePolicies('agentD29', 'D29')).toEqual(['P-1', 'P-2']);
    expect(code(await as('agentD29', HOME, { code: 'D13' }))).toBe('FORBIDDEN');
  });
});
