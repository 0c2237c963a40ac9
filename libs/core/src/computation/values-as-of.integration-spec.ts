import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { buildHome } from '../dashboard/home.service';
import { buildIndicatorView } from '../dashboard/indicator-view.service';
import { buildPolicyAt } from '../dashboard/policy-detail.service';
import { buildTerritoryView } from '../dashboard/territory-view.service';
import { writeMeasures } from '../measures/write-measures';
import { loadReferential } from '../referential/load-referential';
import { createTestContext } from '../testing/test-context';
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
});
