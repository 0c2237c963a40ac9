import { explanationIds, parseExplanationId } from './explanation-ids';

describe('explanation ids', () => {
  it('round-trips the ids of derived numbers, with the filter that chose the policies', () => {
    const id = explanationIds.homeGauge('D13', 'annual', 'median', { taxonomyIds: ['min-test'], alertsOnly: true, search: ' fibre ' });
    expect(parseExplanationId(id)).toEqual({ subject: 'home', territoryCode: 'D13', kind: 'annual', stat: 'median', filter: { taxonomyIds: ['min-test'], alertsOnly: true, search: 'fibre' } });
    expect(explanationIds.homeGauge('D13', 'global', 'mean', { taxonomyIds: [], kinds: [] })).toBe('home:D13:global:mean');
    expect(parseExplanationId(explanationIds.policyFigure('P-1', 'D13', 'gap'))).toEqual({ subject: 'policy-figure', id: 'P-1', territoryCode: 'D13', figure: 'gap' });
    expect(parseExplanationId('policy:P-1:D13:global')).toEqual({ subject: 'policy', id: 'P-1', territoryCode: 'D13', kind: 'global' });
  });

  it('refuses a filter with unknown keys or wrong types (fail closed)', () => {
    const encode = (value: unknown) => `home:D13:global:mean:${Buffer.from(JSON.stringify(value)).toString('base64url')}`;
    expect(parseExplanationId(encode({ levels: ['DEPT'] }))).toBeNull();
    expect(parseExplanationId(encode({ kinds: 'reform' }))).toBeNull();
    expect(parseExplanationId(encode(['x']))).toBeNull();
    expect(parseExplanationId('home:D13:global:mean:not*base64')).toBeNull();
    expect(parseExplanationId('policy:P-1:D13:peers-mode')).toBeNull();
  });
});
