import { isValidIsoDate } from './dates';
import { generateDemoNarratives, type DemoTerritory } from './index';

const UNTIL = '2026-10-31';
const territories: DemoTerritory[] = [
  { code: 'FRANCE', level: 'NAT', parentCode: null, population: 68_000_000 },
  ...Array.from({ length: 6 }, (_, r) => ({ code: `R${11 + r}`, level: 'REG', parentCode: 'FRANCE', population: 5_000_000 })),
  ...Array.from({ length: 30 }, (_, d) => ({ code: `D${String(d + 1).padStart(2, '0')}`, level: 'DEPT', parentCode: `R${11 + (d % 6)}`, population: 500_000 })),
  { code: 'E200000172', level: 'EPCI', parentCode: 'D01', population: 30_000 },
];
const policies = [
  { id: 'PPG-001', name: 'Déployer le réseau France Services' },
  { id: 'PPG-002', name: 'Recruter et former des enseignants' },
  { id: 'PPG-003', name: 'Lutter contre les violences intrafamiliales' },
  { id: 'PPG-004', name: 'Désengorger les urgences hospitalières' },
];
const generate = (seed: number) => generateDemoNarratives({ policies, territories, seed, until: UNTIL });

describe('generateDemoNarratives', () => {
  const narratives = generate(2026);
  const pairs = policies.length * (territories.length - 1);

  it('is deterministic: same seed, same output; another seed, another output', () => {
    expect(generate(2026)).toEqual(narratives);
    expect(generate(7)).not.toEqual(narratives);
  });

  it('covers nation, régions and départements only, with counts within bounds', () => {
    expect(narratives.some((n) => n.territoryCode === 'E200000172')).toBe(false);
    // Per pair: 1–2 history + ≤1 latest weather, ≤3 comments, ≤1 objective, ≤1 decision.
    expect(narratives.length).toBeGreaterThanOrEqual(pairs * 2);
    expect(narratives.length).toBeLessThanOrEqual(pairs * 8);
    const weathers = narratives.filter((n) => n.kind === 'weather');
    expect(weathers.length).toBeGreaterThanOrEqual(pairs * 2 * 0.8);
    expect(weathers.length).toBeLessThanOrEqual(pairs * 3);
  });

  it('leaves about 15 % of latest weathers not filled or missing', () => {
    let unfilled = 0;
    for (const policy of policies) {
      for (const territory of territories.filter((t) => t.level !== 'EPCI')) {
        const entries = narratives.filter((n) => n.kind === 'weather' && n.policyId === policy.id && n.territoryCode === territory.code);
        const latest = entries.reduce((a, b) => (b.date > a.date ? b : a));
        // The latest entry is dated within 75 days of `until`; history entries at least 81 days before it.
        const latestIsRecent = latest.date >= '2026-08-14';
        if (!latestIsRecent || latest.weather === 'NOT_FILLED') unfilled += 1;
      }
    }
    expect(unfilled / pairs).toBeGreaterThan(0.07);
    expect(unfilled / pairs).toBeLessThan(0.25);
  });

  it('uses the expected kinds, types and weathers, with readable French bodies', () => {
    for (const n of narratives) {
      expect(isValidIsoDate(n.date)).toBe(true);
      expect(n.date <= UNTIL).toBe(true);
      expect(n.authorName).toMatch(/^\S+ \S+/);
      expect(n.body).not.toMatch(/\{\w+\}/);
      if (n.kind === 'weather') {
        expect(['SUNNY', 'CLOUDY', 'RAINY', 'STORMY', 'NOT_FILLED', 'NOT_NEEDED']).toContain(n.weather);
        expect(n.type).toBeNull();
        if (n.weather !== 'NOT_FILLED') expect(n.body.length).toBeGreaterThan(20);
      } else {
        expect(n.weather).toBeNull();
        expect(n.body.length).toBeGreaterThan(20);
      }
      if (n.kind === 'comment') expect(['progress', 'difficulties', 'actions', 'support']).toContain(n.type);
      else expect(n.type).toBeNull();
    }
    const weathersSeen = new Set(narratives.map((n) => n.weather));
    for (const w of ['SUNNY', 'CLOUDY', 'RAINY', 'STORMY', 'NOT_FILLED']) expect(weathersSeen).toContain(w);
  });

  it('sets one objective per policy at national and regional level only', () => {
    const objectives = narratives.filter((n) => n.kind === 'objective');
    expect(objectives).toHaveLength(policies.length * 7);
    expect(objectives.every((n) => !n.territoryCode.startsWith('D'))).toBe(true);
    expect(narratives.some((n) => n.kind === 'decision')).toBe(true);
  });
});

describe('demo narratives and the instance vocabulary', () => {
  it('never name policies with the demo\'s own word: an instance calls them "actions" or "projets"', () => {
    const narratives = generateDemoNarratives({
      policies: [{ id: 'A-1', name: 'Rénovation des écoles' }, { id: 'A-2', name: 'Mobilités' }],
      territories: [{ code: 'FRANCE', level: 'NAT', parentCode: null, population: 1 }, { code: 'R53', level: 'REG', parentCode: 'FRANCE', population: 1 }],
      seed: 3,
      until: '2026-10-31',
    });
    expect(narratives.length).toBeGreaterThan(5);
    for (const n of narratives) expect(n.body).not.toMatch(/chantier/i);
  });
});
