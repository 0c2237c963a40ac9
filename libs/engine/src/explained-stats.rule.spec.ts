import { computeMean, explainPeerStats } from './explained-stats.rule';
import { computeStats } from './stats.rule';

describe('computeMean (home gauges)', () => {
  it('explains the mean with its terms, leaving out missing values', () => {
    const m = computeMean([{ label: 'P-1', value: 55 }, { label: 'P-2', value: 80 }, { label: 'P-3', value: null }, { label: 'P-4', value: 70 }], 'policy rates');
    expect(m.value).toBeCloseTo(68.333, 3);
    expect(m.explanation.formula).toBe('mean of 3 policy rates: (55 + 80 + 70) / 3 = 68.33');
    expect(m.explanation.reason).toBe('1 without a value left out.');
    expect(m.explanation.inputs.filter((i) => i.role === 'excluded').map((i) => [i.label, i.note])).toEqual([['P-3', 'no-value']]);
    expect(m.explanation).toMatchObject({ formulaKey: 'mean', formulaParams: { count: 3, terms: [55, 80, 70] }, reasonCode: 'partial', reasonParams: { count: 1 } });
  });
  it('is null with a reason when nothing has a value', () => {
    expect(computeMean([{ label: 'P-1', value: null }]).explanation.reasonCode).toBe('no-value');
  });
});

describe('explainPeerStats (peers min / median / max)', () => {
  const peers = [
    { label: 'R84', value: 60, territoryCode: 'R84' },
    { label: 'R11', value: 50, territoryCode: 'R11' },
    { label: 'R93', value: 90, territoryCode: 'R93' },
    { label: 'R44', value: 20, territoryCode: 'R44' },
  ];
  it('names the peers behind each number, as computeStats computes them', () => {
    const s = explainPeerStats(peers, 'regions');
    const plain = computeStats(peers.map((p) => p.value));
    expect([s.min.value, s.median.value, s.max.value, s.count]).toEqual([plain.min, plain.median, plain.max, plain.count]);
    expect(s.min.explanation.formula).toBe('lowest of 4 regions: R44 = 20');
    expect(s.median.explanation.formula).toBe('median of 4 regions: (R11 50 + R84 60) / 2 = 55');
    expect(s.max.explanation.inputs[0].territoryCode).toBe('R93');
    expect(explainPeerStats(peers.slice(0, 3)).median.explanation.formula).toBe('median of 3 peers (the 2nd lowest): R84 = 60');
  });
  it('has no numbers without peers', () => {
    expect(explainPeerStats([{ label: 'R1', value: null }]).median.explanation.reasonCode).toBe('no-peers');
  });
});
