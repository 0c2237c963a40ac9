import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { findExplanation } from '../dashboard/explanation.service';
import { buildHome } from '../dashboard/home.service';
import { buildIndicatorView } from '../dashboard/indicator-view.service';
import { buildPolicyAt } from '../dashboard/policy-detail.service';
import { buildIndicatorSeries } from '../dashboard/series.service';
import { buildTerritoryView } from '../dashboard/territory-view.service';
import { writeMeasures } from '../measures/write-measures';
import { loadReferential } from '../referential/load-referential';
import { createTestContext } from '../testing/test-context';
import { explanationIds } from './explanation-ids';
import { parseAsOfDate, readValuesAsOf } from './values-as-of';

const fixtures = path.join(__dirname, '../../test/fixtures');
const levelOrder = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];
const today = '2026-06-30';
const asOf = '2025-12-31';

type Measure = { indicatorId: string; territoryCode: string; date: string; kind: 'VI' | 'VA' | 'VC'; value: number };
// Bouches-du-Rhône and Var: values before and after the "as of" date, and a correction dated before it.
const measures: Measure[] = [
  ...['D13', 'D83'].flatMap((code, i): Measure[] => [
    { indicatorId: 'I-SUM', territoryCode: code, date: '2024-01-01', kind: 'VI', value: 0 },
    { indicatorId: 'I-SUM', territoryCode: code, date: '2025-06-30', kind: 'VA', value: 20 + 10 * i },
    { indicatorId: 'I-SUM', territoryCode: code, date: '2025-12-31', kind: 'VC', value: 60 },
    { indicatorId: 'I-SUM', territoryCode: code, date: '2026-05-31', kind: 'VA', value: 50 + 50 * i },
    { indicatorId: 'I-SUM', territoryCode: code, date: '2026-12-31', kind: 'VC', value: 100 },
    // A delay (falling): with it the policy has a rate (weights 1 and 3).
    { indicatorId: 'I-DELAY', territoryCode: code, date: '2024-01-01', kind: 'VI', value: 30 },
    { indicatorId: 'I-DELAY', territoryCode: code, date: '2025-06-30', kind: 'VA', value: 25 + 3 * i },
    { indicatorId: 'I-DELAY', territoryCode: code, date: '2025-12-31', kind: 'VC', value: 20 },
    { indicatorId: 'I-DELAY', territoryCode: code, date: '2026-05-31', kind: 'VA', value: 20 - 6 * i },
    { indicatorId: 'I-DELAY', territoryCode: code, date: '2026-12-31', kind: 'VC', value: 10 },
  ]),
];
const weather = [
  { territory: 'D13', weather: 'SUNNY', date: '2025-10-01' },
  { territory: 'D13', weather: 'STORMY', date: '2026-03-01' },
];

async function seed(context: Awaited<ReturnType<typeof createTestContext>>, only: (date: string) => boolean, writeAsOf: string) {
  const loaded = await loadReferential(context.dataSource, path.join(fixtures, 'referential-small'), { levels: [...levelOrder, 'CRTE'] });
  expect(loaded.ok).toBe(true);
  await context.dataSource.transaction((manager) => writeMeasures(manager, measures.filter((m) => only(m.date)), { provenance: 'import', levelOrder, asOf: writeAsOf }));
  for (const w of weather.filter((row) => only(row.date))) {
    await context.dataSource.query(`INSERT INTO narrative (policy_id, territory_code, kind, weather, body, state, date) VALUES ('P-1', $1, 'weather', $2, '', 'published', $3)`, [w.territory, w.weather, w.date]);
  }
}

/** Every dashboard answer the pages read, for one territory and date. */
async function pages(db: EntityManager, date: string) {
  return {
    home: await buildHome(db, 'R93', {}, { asOf: date, levelOrder, mapLevels: ['REG', 'DEPT'] }),
    homeD13: await buildHome(db, 'D13', {}, { asOf: date, levelOrder, mapLevels: ['REG', 'DEPT'] }),
    policy: await buildPolicyAt(db, 'P-1', 'R93', date, 'DEPT'),
    territory: await buildTerritoryView(db, 'D13', date),
    indicator: await buildIndicatorView(db, 'I-SUM', 'R93', { asOf: date, levelOrder }),
  };
}

/** The explanations a reader opens from those pages ("Comment est-ce calculé ?"), read one after the other (one connection). */
const explained = [
  explanationIds.homeGauge('R93', 'global', 'mean'),
  explanationIds.policyRate('P-1', 'R93', 'global'),
  explanationIds.policyFigure('P-1', 'D13', 'peers-median'),
  explanationIds.indicatorRate('I-SUM', 'R93', 'global'),
  explanationIds.indicatorCurrent('I-SUM', 'R93'),
  explanationIds.indicatorValue('I-SUM', 'R93', 'global-target'),
];
async function explanations(db: EntityManager, date: string) {
  const answers = [];
  for (const id of explained) answers.push(await findExplanation(db, id, { asOf: date }));
  return answers;
}

/** Each policy row's global rate, on the home and the territory page, per territory. */
async function rowRates(db: EntityManager, date: string) {
  const rates: Record<string, number | null> = {};
  for (const code of ['R93', 'D13', 'D83']) {
    for (const row of (await buildHome(db, code, {}, { asOf: date, levelOrder, mapLevels: ['REG', 'DEPT'] })).policies) rates[`home ${code} ${row.policy.id}`] = row.globalRate.value;
    for (const row of (await buildTerritoryView(db, code, date))?.rates ?? []) rates[`territory ${code} ${row.policy.id}`] = row.globalRate.value;
  }
  return rates;
}

describe('values as of a past date (ADR 042)', () => {
  let full: Awaited<ReturnType<typeof createTestContext>>;
  let restricted: Awaited<ReturnType<typeof createTestContext>>;

  beforeAll(async () => {
    full = await createTestContext();
    restricted = await createTestContext();
    await seed(full, () => true, today);
    // The reference: a database that only ever received the values dated on or before the date.
    await seed(restricted, (date) => date <= asOf, asOf);
  }, 120_000);
  afterAll(async () => {
    await full?.dispose();
    await restricted?.dispose();
  });

  it('answers every page exactly as a recomputation restricted to the values dated on or before that date', async () => {
    const past = await readValuesAsOf(full.dataSource, asOf, levelOrder, (db) => pages(db, asOf));
    const reference = await pages(restricted.dataSource.manager, asOf);
    expect(past).toEqual(reference);
    // What the reader sees then: D13 at 20 of 60 (33 %), D83 at 30 of 60 (50 %), R93 summed 50 of 120; météo of October.
    expect(past.indicator.current).toMatchObject({ value: 50, date: '2025-06-30' });
    expect(past.indicator.globalRate.value).toBeCloseTo((50 / 120) * 100);
    expect(past.homeD13.policies[0].weather?.level).toBe('SUNNY');
  });

  it('changes nothing in the database, and today stays what it was', async () => {
    const before = await pages(full.dataSource.manager, today);
    await readValuesAsOf(full.dataSource, asOf, levelOrder, (db) => pages(db, asOf));
    expect(await pages(full.dataSource.manager, today)).toEqual(before);
    expect(before.indicator.current).toMatchObject({ value: 150, date: '2026-05-31' });
    expect(before.homeD13.policies[0].weather?.level).toBe('STORMY');
    const temporary = (await full.dataSource.query(`SELECT count(*)::int AS n FROM pg_class WHERE relpersistence = 't' AND relname IN ('measure', 'policy_state')`)) as { n: number }[];
    expect(temporary[0].n).toBe(0);
  });

  it('refuses a date that is not a day or lies after today, naming the argument', () => {
    expect(parseAsOfDate('2025-12-31', today)).toBe('2025-12-31');
    expect(() => parseAsOfDate('2025-02-30', today)).toThrow('asOf: "2025-02-30" is not a date (YYYY-MM-DD expected).');
    expect(() => parseAsOfDate('31/12/2025', today, 'compareTo')).toThrow('compareTo: "31/12/2025" is not a date');
    expect(() => parseAsOfDate('2026-07-01', today)).toThrow('asOf: 2026-07-01 is after today (2026-06-30)');
  });

  it('explains the figures of that date ("Comment est-ce calculé ?"), as the restricted database does, not today\'s', async () => {
    const past = await readValuesAsOf(full.dataSource, asOf, levelOrder, (db) => explanations(db, asOf));
    expect(past).toEqual(await explanations(restricted.dataSource.manager, asOf));
    const now = await explanations(full.dataSource.manager, today);
    explained.forEach((id, i) => {
      expect([id, past[i]]).not.toEqual([id, null]);
      expect([id, past[i]]).not.toEqual([id, now[i]]);
    });
    // The R93 indicator rate read at 31/12/2025: 50 of 120 (today: 150 of 200).
    expect(past[3]?.value).toBeCloseTo((50 / 120) * 100);
    expect(now[3]?.value).toBeCloseTo((150 / 200) * 100);
  });

  it('cuts the series at that date: no point after it, the same series as the restricted database', async () => {
    const past = await buildIndicatorSeries(full.dataSource.manager, 'I-SUM', 'R93', true, { until: asOf });
    expect(past).toEqual(await buildIndicatorSeries(restricted.dataSource.manager, 'I-SUM', 'R93', true));
    const dates = (series: typeof past) => [...series.points, ...series.targets, ...series.children.flatMap((child) => child.points)].map((p) => p.date);
    expect(dates(past).length).toBeGreaterThan(0);
    expect(dates(past).filter((date) => date > asOf)).toEqual([]);
    expect(past.children.map((child) => child.code)).toEqual(['D13', 'D83']);
    // Without a date the chart keeps every point, the later ones included.
    expect(dates(await buildIndicatorSeries(full.dataSource.manager, 'I-SUM', 'R93', true)).filter((date) => date > asOf).length).toBeGreaterThan(0);
  });

  it('gives each policy row its change since the previous year end from the one comparison answer: rate(D) − rate(31 Dec before)', async () => {
    // The pages read today with "Comparer au 31/12/2025": the rows of today (kept rates) and of the comparison date (one recomputation).
    const now = await rowRates(full.dataSource.manager, today);
    const before = await readValuesAsOf(full.dataSource, asOf, levelOrder, (db) => rowRates(db, asOf));
    expect(before).toEqual(await rowRates(restricted.dataSource.manager, asOf));
    const delta = (key: string) => (now[key] ?? NaN) - (before[key] ?? NaN);
    expect(Object.keys(now).sort()).toEqual(Object.keys(before).sort());
    expect(Object.keys(now)).toHaveLength(6);
    // Policy rate = (1 × sum rate + 3 × delay rate) / 4. D13 today (50 + 3 × 50) / 4 = 50, then (33.3 + 3 × 50) / 4 = 45.8;
    // D83 today (100 + 3 × 80) / 4 = 85, then (50 + 3 × 20) / 4 = 27.5; R93 today (75 + 3 × 65) / 4 = 67.5, then (41.7 + 3 × 35) / 4 = 36.7.
    for (const page of ['home', 'territory']) {
      expect(delta(`${page} D13 P-1`)).toBeCloseTo(50 - (100 / 3 + 150) / 4);
      expect(delta(`${page} D83 P-1`)).toBeCloseTo(85 - 27.5);
      expect(delta(`${page} R93 P-1`)).toBeCloseTo(67.5 - (125 / 3 + 105) / 4);
    }
  });
});
