import { generateDemoRoadmaps } from './roadmaps';

const territories = [
  { code: 'FRANCE', level: 'NAT' },
  { code: 'R84', level: 'REG' },
  { code: 'D13', level: 'DEPT' },
  { code: 'C13055', level: 'COM' },
];
const policies = Array.from({ length: 10 }, (_, i) => ({ id: `P-${i}` }));

describe('generateDemoRoadmaps', () => {
  it('gives each région and département 3 to 5 distinct policies with an objective, and nothing elsewhere', () => {
    const items = generateDemoRoadmaps({ policies, territories, seed: 1 });
    for (const code of ['R84', 'D13']) {
      const mine = items.filter((i) => i.territoryCode === code);
      expect(mine.length).toBeGreaterThanOrEqual(3);
      expect(mine.length).toBeLessThanOrEqual(5);
      expect(new Set(mine.map((i) => i.policyId)).size).toBe(mine.length);
      expect(mine.every((i) => i.localObjective.length > 10)).toBe(true);
    }
    expect(items.filter((i) => i.territoryCode === 'FRANCE' || i.territoryCode === 'C13055')).toEqual([]);
  });

  it('is deterministic for a seed and changes with it', () => {
    expect(generateDemoRoadmaps({ policies, territories, seed: 1 })).toEqual(generateDemoRoadmaps({ policies, territories, seed: 1 }));
    expect(generateDemoRoadmaps({ policies, territories, seed: 2 })).not.toEqual(generateDemoRoadmaps({ policies, territories, seed: 1 }));
  });
});
