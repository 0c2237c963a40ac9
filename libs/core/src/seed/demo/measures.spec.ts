import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildFrenchTerritories } from '../../territories/french-territories';
import { isValidIsoDate, periodEnds } from './dates';
import { generateDemoMeasures, type DemoIndicator, type DemoMeasure, type DemoTerritory } from './index';

const FROM = '2022-01-01';
const UNTIL = '2026-10-31';

const territories: DemoTerritory[] = [
  { code: 'FRANCE', level: 'NAT', parentCode: null, population: 2_400_000 },
  { code: 'R84', level: 'REG', parentCode: 'FRANCE', population: 1_500_000 },
  { code: 'R94', level: 'REG', parentCode: 'FRANCE', population: 900_000 },
  { code: 'D01', level: 'DEPT', parentCode: 'R84', population: 650_000 },
  { code: 'D69', level: 'DEPT', parentCode: 'R84', population: 850_000 },
  { code: 'D2A', level: 'DEPT', parentCode: 'R94', population: 160_000 },
  { code: 'D2B', level: 'DEPT', parentCode: 'R94', population: null },
  { code: 'E200000172', level: 'EPCI', parentCode: 'D01', population: 30_000 },
  { code: 'C75056', level: 'COM', parentCode: 'D75', population: 2_100_000 },
];

const standard = (aggregation: 'sum' | 'mean' | 'population-weighted-mean', extra: { NAT?: object; REG?: object } = {}) => ({
  NAT: { weight: 1, VI: 'aggregated', VA: 'aggregated', VC: 'entered', aggregation, ...extra.NAT },
  REG: { weight: 1, VI: 'aggregated', VA: 'aggregated', VC: 'aggregated', aggregation, ...extra.REG },
  DEPT: { weight: 1, VI: 'entered', VA: 'entered', VC: 'entered' },
}) as DemoIndicator['levels'];

const indicators: DemoIndicator[] = [
  { id: 'IND-A', policyId: 'PPG-001', direction: 'rising', unit: 'nombre', periodicity: 'monthly', levels: standard('sum') },
  { id: 'IND-B', policyId: 'PPG-001', direction: 'falling', unit: '%', periodicity: 'quarterly', levels: standard('population-weighted-mean') },
  { id: 'IND-C', policyId: 'PPG-002', direction: 'falling', unit: 'jours', periodicity: 'yearly', levels: standard('mean', { REG: { VC: 'entered' } }) },
  { id: 'IND-D', policyId: 'PPG-002', direction: 'rising', unit: '%', periodicity: 'quarterly', levels: standard('population-weighted-mean', { NAT: { VI: 'entered', VA: 'entered' } }) },
  { id: 'IND-E', policyId: 'PPG-003', direction: 'rising', unit: 'nombre', periodicity: 'quarterly', levels: standard('sum', { NAT: { VC: 'aggregated' } }) },
];

const generate = (seed: number) => generateDemoMeasures({ indicators, territories, seed, from: FROM, until: UNTIL });

describe('generateDemoMeasures', () => {
  const measures = generate(2026);

  it('is deterministic: same seed, same output; another seed, another output', () => {
    expect(generate(2026)).toEqual(measures);
    expect(generate(2027)).not.toEqual(measures);
  });

  it('emits values only where the kind is entered, never for EPCI or communes', () => {
    const levelOf = new Map(territories.map((t) => [t.code, t.level]));
    for (const m of measures) {
      const level = levelOf.get(m.territoryCode)!;
      expect(['NAT', 'REG', 'DEPT']).toContain(level);
      const indicator = indicators.find((i) => i.id === m.indicatorId)!;
      expect(indicator.levels[level][m.kind]).toBe('entered');
    }
    // Aggregated kinds at NAT/REG are absent; entered ones are there.
    const has = (id: string, code: string, kind: string) => measures.some((m) => m.indicatorId === id && m.territoryCode === code && m.kind === kind);
    expect(has('IND-A', 'FRANCE', 'VA')).toBe(false);
    expect(has('IND-A', 'FRANCE', 'VC')).toBe(true);
    expect(has('IND-E', 'FRANCE', 'VC')).toBe(false);
    expect(has('IND-A', 'R84', 'VC')).toBe(false);
    expect(has('IND-C', 'R84', 'VC')).toBe(true);
    expect(has('IND-D', 'FRANCE', 'VA')).toBe(true);
    expect(has('IND-D', 'FRANCE', 'VI')).toBe(true);
  });

  it('gives one VI per indicator × département, dated `from`, three annual targets and a final one the year after `until`', () => {
    const departments = territories.filter((t) => t.level === 'DEPT');
    for (const indicator of indicators) {
      for (const d of departments) {
        const own = measures.filter((m) => m.indicatorId === indicator.id && m.territoryCode === d.code);
        const vi = own.filter((m) => m.kind === 'VI');
        expect(vi).toHaveLength(1);
        expect(vi[0].date).toBe(FROM);
        expect(own.filter((m) => m.kind === 'VC').map((m) => m.date)).toEqual(['2024-12-31', '2025-12-31', '2026-12-31', '2027-12-31']);
      }
    }
  });

  it('sets targets consistent with the direction', () => {
    for (const indicator of indicators) {
      for (const code of ['D01', 'D69', 'D2A', 'D2B']) {
        const own = measures.filter((m) => m.indicatorId === indicator.id && m.territoryCode === code);
        const vi = own.find((m) => m.kind === 'VI')!.value;
        const targets = own.filter((m) => m.kind === 'VC').map((m) => m.value);
        const final = targets[targets.length - 1];
        if (indicator.direction === 'falling') {
          expect(final).toBeLessThan(vi);
          for (const t of targets) expect(t).toBeLessThanOrEqual(vi);
        } else {
          expect(final).toBeGreaterThan(vi);
          for (const t of targets) expect(t).toBeGreaterThanOrEqual(vi);
        }
      }
    }
  });

  it('dates VA at period ends up to `until`, with valid ISO dates and bounded percentages', () => {
    for (const m of measures) {
      expect(isValidIsoDate(m.date)).toBe(true);
      expect(Number.isFinite(m.value)).toBe(true);
      expect(m.value).toBeGreaterThanOrEqual(0);
      const indicator = indicators.find((i) => i.id === m.indicatorId)!;
      if (indicator.unit === '%') expect(m.value).toBeLessThanOrEqual(100);
      if (m.kind === 'VA') {
        expect(periodEnds(indicator.periodicity, FROM, UNTIL)).toContain(m.date);
        expect(m.date <= UNTIL).toBe(true);
      }
    }
    const countsAreIntegers = measures.filter((m) => m.indicatorId === 'IND-A').every((m) => Number.isInteger(m.value));
    expect(countsAreIntegers).toBe(true);
  });

  it('derives national entered targets from the départements (sum for counts)', () => {
    const final = (code: string) => measures.find((m) => m.indicatorId === 'IND-A' && m.territoryCode === code && m.kind === 'VC' && m.date === '2026-12-31')!.value;
    const sum = ['D01', 'D69', 'D2A', 'D2B'].reduce((total, code) => total + final(code), 0);
    expect(Math.abs(final('FRANCE') - sum) / sum).toBeLessThan(0.01);
  });
});

describe('generateDemoMeasures for an indicator entered by intercommunalité', () => {
  // A new instance entering at EPCI level (examples/anct-crte): its EPCIs carry the series, so rates are computed above them.
  const epcis: DemoTerritory[] = [
    ...territories.filter((t) => ['NAT', 'REG', 'DEPT'].includes(t.level)),
    { code: 'E1', level: 'EPCI', parentCode: 'D01', population: 40_000 },
    { code: 'E2', level: 'EPCI', parentCode: 'D01', population: 60_000 },
    { code: 'E3', level: 'EPCI', parentCode: 'D2A', population: 20_000 },
  ];
  const byEpci: DemoIndicator = {
    id: 'IND-EPCI', policyId: 'PPG-009', direction: 'rising', unit: 'nombre', periodicity: 'yearly',
    levels: {
      NAT: { weight: 1, VI: 'aggregated', VA: 'aggregated', VC: 'entered', aggregation: 'sum' },
      DEPT: { weight: 1, VI: 'aggregated', VA: 'aggregated', VC: 'aggregated', aggregation: 'sum' },
      EPCI: { weight: 1, VI: 'entered', VA: 'entered', VC: 'entered' },
    },
  };
  const measures = generateDemoMeasures({ indicators: [byEpci], territories: epcis, seed: 2026, from: FROM, until: UNTIL });

  it('gives each EPCI an initial value, current values and targets, and the nation its entered targets summed from them', () => {
    for (const code of ['E1', 'E2', 'E3']) {
      const own = measures.filter((m) => m.territoryCode === code);
      expect(own.filter((m) => m.kind === 'VI')).toHaveLength(1);
      expect(own.filter((m) => m.kind === 'VC').length).toBeGreaterThanOrEqual(3);
    }
    expect(measures.filter((m) => m.kind === 'VA').length).toBeGreaterThan(6);
    expect(measures.some((m) => m.territoryCode.startsWith('D'))).toBe(false);
    const final = (code: string) => measures.find((m) => m.territoryCode === code && m.kind === 'VC' && m.date === '2027-12-31')!.value;
    const sum = final('E1') + final('E2') + final('E3');
    expect(Math.abs(final('FRANCE') - sum) / sum).toBeLessThan(0.01);
  });
});

describe('generateDemoMeasures on the demo referential', () => {
  const root = join(__dirname, '../../../../..');
  const raw = parse(readFileSync(join(root, 'examples/demo/data/referential/indicators.yaml'), 'utf8')) as {
    id: string; policy: string; direction: 'rising' | 'falling'; unit: string; periodicity: DemoIndicator['periodicity']; levels: DemoIndicator['levels'];
  }[];
  const demoIndicators: DemoIndicator[] = raw.map((i) => ({ id: i.id, policyId: i.policy, direction: i.direction, unit: i.unit, periodicity: i.periodicity, levels: i.levels }));
  const french: DemoTerritory[] = buildFrenchTerritories(['NAT', 'REG', 'DEPT']).map((t) => ({ code: t.code, level: t.level, parentCode: t.parentCode, population: t.population }));
  let measures: DemoMeasure[] = [];

  beforeAll(() => {
    measures = generateDemoMeasures({ indicators: demoIndicators, territories: french, seed: 2026, from: FROM, until: UNTIL });
  });

  it('stays within the size budget', () => {
    const departments = french.filter((t) => t.level === 'DEPT').length;
    expect(departments).toBeGreaterThanOrEqual(100);
    expect(measures.length).toBeGreaterThan(150_000);
    expect(measures.length).toBeLessThanOrEqual(250_000);
  });

  it('leaves a few pairs without any VA and some territories behind or regressing', () => {
    const byPair = new Map<string, DemoMeasure[]>();
    for (const m of measures) {
      if (!m.territoryCode.startsWith('D')) continue;
      const key = `${m.indicatorId}|${m.territoryCode}`;
      byPair.set(key, [...(byPair.get(key) ?? []), m]);
    }
    const withoutVa = [...byPair.values()].filter((list) => !list.some((m) => m.kind === 'VA')).length;
    expect(withoutVa).toBeGreaterThan(0);
    expect(withoutVa / byPair.size).toBeLessThan(0.05);

    const falling = new Set(demoIndicators.filter((i) => i.direction === 'falling').map((i) => i.id));
    let regressing = 0;
    for (const [key, list] of byPair) {
      const vi = list.find((m) => m.kind === 'VI')!.value;
      const vas = list.filter((m) => m.kind === 'VA');
      if (vas.length === 0) continue;
      const last = vas[vas.length - 1].value;
      const worse = falling.has(key.split('|')[0]) ? last > vi : last < vi;
      if (worse) regressing += 1;
    }
    expect(regressing).toBeGreaterThan(0);
  });

  it('targets falling indicators below their initial value', () => {
    const falling = new Set(demoIndicators.filter((i) => i.direction === 'falling').map((i) => i.id));
    const vi = new Map(measures.filter((m) => m.kind === 'VI').map((m) => [`${m.indicatorId}|${m.territoryCode}`, m.value]));
    const finals = measures.filter((m) => m.kind === 'VC' && m.date === '2027-12-31' && falling.has(m.indicatorId) && m.territoryCode.startsWith('D'));
    expect(finals.length).toBeGreaterThan(0);
    for (const m of finals) expect(m.value).toBeLessThan(vi.get(`${m.indicatorId}|${m.territoryCode}`)!);
  });
});
