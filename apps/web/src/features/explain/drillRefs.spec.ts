import type { Explanation } from '@pilote/ui';
import { withDrillRefs } from './drillRefs';

const aggregate: Explanation = {
  id: 'indicator:IND-001:FRANCE:current', ruleId: 'aggregate.sum', title: 'France Services — France', formula: '143 + 76 = 219', value: 219,
  inputs: [
    { role: 'child', label: 'R01', value: 143, territoryCode: 'R01', territoryName: 'Guadeloupe', ref: null },
    { role: 'child', label: 'R02', value: 76, territoryCode: 'R02', territoryName: 'Martinique', ref: 'custom' },
  ],
};

describe('withDrillRefs', () => {
  it('links each child territory of an aggregate to its own rate of the same indicator', () => {
    const refs = withDrillRefs(aggregate).inputs.map((input) => input.ref);
    expect(refs).toEqual(['indicator:IND-001:R01:global', 'custom']);
  });

  it('leaves policy explanations as they are', () => {
    const policy = { ...aggregate, id: 'policy:PPG-001:FRANCE:global' };
    expect(withDrillRefs(policy)).toBe(policy);
  });
});
