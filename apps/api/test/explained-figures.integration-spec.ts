import { cpSync, mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestIdentities } from '@pilote/auth/testing';
import { loadReferential, writeMeasures, type NewMeasure } from '@pilote/core';
import { startTestKit, type TestKit } from '../src/testing';

const fixture = path.join(__dirname, '../../../libs/core/test/fixtures/referential-small');
const levelOrder = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];
const asOf = '2026-11-28';
const m = (indicatorId: string, territoryCode: string, kind: NewMeasure['kind'], date: string, value: number): NewMeasure => ({ indicatorId, territoryCode, kind, date, value });

interface Stats { value: number | null; count: number; min: number | null; median: number | null; max: number | null; explanationId: string; minExplanationId: string; medianExplanationId: string; maxExplanationId: string }
interface Row { policy: { id: string }; globalRate: { value: number | null }; trend: { delta: number | null; explanationId: string }; gapToMedian: number | null; gapExplanationId: string; peers: Stats }
interface Home { globalRate: Stats; annualRate: Stats; policies: Row[] }
interface Explained { ruleId: string; formula: string; value: number | null; inputs: { role: string; label: string; value: number | null; territoryCode: string | null; territoryName: string | null; ref: string | null }[]; steps: { ruleId: string; value: number | null }[] }

const STATS = 'value min median max count explanationId minExplanationId medianExplanationId maxExplanationId';
const HOME = `query($t: String!, $f: PolicyFilter) { home(territoryCode: $t, filter: $f) {
  globalRate { ${STATS} } annualRate { ${STATS} }
  policies { policy { id } globalRate { value } trend { delta explanationId } gapToMedian gapExplanationId peers { ${STATS} } } } }`;

/** The home page's numbers nobody could open before: each one's explanation must give the number shown. */
describe('explanations of the numbers a page derives (means, peers, trend, gap)', () => {
  let kit: TestKit;
  let dir: string;
  // Dashboards closed: each reader's scope is theirs (national steering sees every territory).
  let who: Awaited<ReturnType<typeof createTestIdentities>>;
  const explain = async (id: string, headers?: Record<string, string>) => {
    const { data, errors } = await kit.graphql<{ explanation: Explained | null }>(
      `query($id: ID!) { explanation(id: $id) { ruleId formula value inputs { role label value territoryCode territoryName ref } steps { ruleId value } } }`,
      { id },
      headers ?? who.nationalSteering.headers,
    );
    expect(errors).toBeUndefined();
    if (!data?.explanation) throw new Error(`no explanation for ${id}`);
    return data.explanation;
  };
  const home = async (territoryCode: string, filter?: object, headers?: Record<string, string>) => {
    const { data, errors } = await kit.graphql<{ home: Home }>(HOME, { t: territoryCode, f: filter ?? null }, headers ?? who.nationalSteering.headers);
    expect(errors).toBeUndefined();
    return data!.home;
  };
  const same = (explained: number | null, shown: number | null) => {
    if (shown === null) expect(explained).toBeNull();
    else expect(explained).toBeCloseTo(shown, 9);
  };

  beforeAll(async () => {
    process.env.PILOTE_AS_OF = asOf;
    // The small referential plus a second policy, so that a mean has more than one term.
    dir = mkdtempSync(path.join(tmpdir(), 'pilote-explained-'));
    cpSync(fixture, dir, { recursive: true });
    appendFileSync(path.join(dir, 'policies.yaml'), `- id: P-2\n  name: Seconde politique\n  kind: priority-reform\n  status: published\n  owners: []\n  levels: [NAT, REG, DEPT]\n  taxonomies: []\n`);
    appendFileSync(path.join(dir, 'indicators.yaml'), `- id: I-TWO\n  policy: P-2\n  name: Taux de couverture\n  unit: "%"\n  direction: rising\n  periodicity: monthly\n  levels:\n    DEPT: { weight: 1 }\n`);
    kit = await startTestKit({ openDashboards: false });
    const { dataSource } = kit.server.context;
    const loaded = await loadReferential(dataSource, dir, { levels: [...levelOrder, 'CRTE'] });
    expect(loaded.ok).toBe(true);
    who = await createTestIdentities(dataSource.manager);
    const sum = (code: string, va: number[]) => [
      m('I-SUM', code, 'VI', '2022-01-01', 0), m('I-SUM', code, 'VC', '2026-12-31', 100),
      ...va.map((v, i) => m('I-SUM', code, 'VA', `2026-0${7 + i}-30`, v)),
      m('I-DELAY', code, 'VI', '2022-01-01', 30), m('I-DELAY', code, 'VA', '2026-09-30', 20), m('I-DELAY', code, 'VC', '2026-12-31', 10),
    ];
    const two = (code: string, va: number) => [m('I-TWO', code, 'VI', '2022-01-01', 0), m('I-TWO', code, 'VA', '2026-09-30', va), m('I-TWO', code, 'VC', '2026-12-31', 80)];
    await dataSource.transaction((manager) =>
      writeMeasures(manager, [...sum('D13', [20, 30]), ...sum('D84', [70, 60]), ...sum('D83', [90]), ...two('D13', 20), ...two('D84', 60), ...two('D04', 40), ...two('D06', 8)], {
        provenance: 'user', levelOrder, asOf,
      }),
    );
  });

  afterAll(async () => {
    await kit.close();
    rmSync(dir, { recursive: true, force: true });
    delete process.env.PILOTE_AS_OF;
  });

  it('explains the home gauges: the mean of the policy rates, and min/median/max naming their territories', async () => {
    const view = await home('D13');
    for (const gauge of [view.globalRate, view.annualRate]) {
      const mean = await explain(gauge.explanationId);
      expect(mean.ruleId).toBe('mean');
      same(mean.value, gauge.value);
      // Both policies are averaged, each rate linked to its own explanation.
      expect(mean.inputs.map((input) => input.label).sort()).toEqual(['Politique de test', 'Seconde politique']);
      expect(mean.inputs.every((input) => input.ref?.startsWith('policy:'))).toBe(true);
      for (const [stat, id] of [['min', gauge.minExplanationId], ['median', gauge.medianExplanationId], ['max', gauge.maxExplanationId]] as const) {
        const explained = await explain(id);
        same(explained.value, gauge[stat]);
        expect(explained.inputs.length).toBeGreaterThan(0);
        expect(explained.inputs.every((input) => input.territoryName !== null && input.ref?.startsWith('home:'))).toBe(true);
      }
    }
    expect(view.globalRate.max).not.toBe(view.globalRate.min); // the data has spread: the test compares different numbers
    const max = await explain(view.globalRate.maxExplanationId);
    expect(max.formula).toMatch(/^highest of 5 territories: /);
    // The territory page's gauge is the home's without a filter: the same explanations, the same numbers.
    const page = await kit.graphql<{ territoryView: { rate: Stats } }>(`{ territoryView(code: "D13") { rate { ${STATS} } } }`, {}, who.nationalSteering.headers);
    const rate = page.data!.territoryView.rate;
    same((await explain(rate.explanationId)).value, rate.value);
    same((await explain(rate.medianExplanationId)).value, rate.median);
  });

  it('explains each policy row\'s peers, trend and gap to the median with the numbers shown', async () => {
    const view = await home('D13');
    const p1 = view.policies.find((row) => row.policy.id === 'P-1')!;
    expect(p1.trend.delta).not.toBeNull();
    for (const row of view.policies) {
      for (const [stat, id] of [['min', row.peers.minExplanationId], ['median', row.peers.medianExplanationId], ['max', row.peers.maxExplanationId]] as const) {
        const explained = await explain(id);
        expect(explained.ruleId).toBe(`stats.${stat}`);
        same(explained.value, row.peers[stat]);
        expect(explained.inputs.every((input) => input.territoryCode && input.territoryName)).toBe(true);
      }
      const trend = await explain(row.trend.explanationId);
      expect(trend.ruleId).toBe('trend');
      same(trend.value, row.trend.delta);
      const gap = await explain(row.gapExplanationId);
      expect(gap.ruleId).toBe('gap-to-median');
      same(gap.value, row.gapToMedian);
      expect(gap.steps.map((step) => step.ruleId)).toEqual(['stats.median']);
      same(gap.steps[0].value, row.peers.median);
    }
    // P-2 at D13: peers 25 (D13), 75 (D84), 50 (D04), 10 (D06) → median (25 + 50) / 2, named.
    const p2 = view.policies.find((row) => row.policy.id === 'P-2')!;
    const median = await explain(p2.peers.medianExplanationId);
    expect(median.inputs.map((input) => input.territoryName)).toEqual(['Bouches-du-Rhône', 'Alpes-de-Haute-Provence']);
    expect(median.value).toBeCloseTo(37.5, 9);
  });

  it('keeps the policies a filter chose, and refuses an id whose filter is not a filter', async () => {
    const view = await home('D13', { search: 'Seconde' });
    expect(view.globalRate.explanationId).not.toBe((await home('D13')).globalRate.explanationId);
    const mean = await explain(view.globalRate.explanationId);
    expect(mean.inputs.map((input) => input.label)).toEqual(['Seconde politique']);
    same(mean.value, view.globalRate.value);
    same((await explain(view.globalRate.medianExplanationId)).value, view.globalRate.median);
    // "Alerts only": the policies with an alert here, the same on the page and in the explanation.
    const alerts = await home('D13', { alertsOnly: true });
    same((await explain(alerts.globalRate.explanationId)).value, alerts.globalRate.value);
    same((await explain(alerts.globalRate.maxExplanationId)).value, alerts.globalRate.max);
    const forged = `home:D13:global:mean:${Buffer.from(JSON.stringify({ levels: ['x'] })).toString('base64url')}`;
    const { data, errors } = await kit.graphql<{ explanation: unknown }>(`query($id: ID!) { explanation(id: $id) { value } }`, { id: forged }, who.nationalSteering.headers);
    expect(errors).toBeUndefined();
    expect(data!.explanation).toBeNull();
  });

  it("counts, like the page, only the peers in the reader's scope", async () => {
    const headers = who.departmentalCoordinatorD13.headers;
    const everyone = await home('D13');
    const view = await home('D13', undefined, headers);
    const p2 = view.policies.find((row) => row.policy.id === 'P-2')!;
    expect(p2.peers.count).toBeLessThan(everyone.policies.find((row) => row.policy.id === 'P-2')!.peers.count);
    const max = await explain(p2.peers.maxExplanationId, headers);
    same(max.value, p2.peers.max);
    expect(max.inputs.map((input) => input.territoryCode)).toEqual(['D13']);
    same((await explain(view.globalRate.medianExplanationId, headers)).value, view.globalRate.median);
    // Another territory's figures stay closed to this reader, whatever the id says.
    const outside = await kit.graphql(`query($id: ID!) { explanation(id: $id) { value } }`, { id: 'policy:P-2:D84:peers-max' }, headers);
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const outsideHome = await kit.graphql(`query($id: ID!) { explanation(id: $id) { value } }`, { id: 'home:D84:global:mean' }, headers);
    expect(outsideHome.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
