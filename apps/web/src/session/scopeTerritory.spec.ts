import { scopeTerritoryCode } from './scopeTerritory';

const on = (territoryCode: string, roleId = 'departmental-prefect') => ({ roleId, scope: { kind: 'territory', territoryCode } });

describe('scopeTerritoryCode', () => {
  it('is the territory every right of the user is bound to', () => {
    expect(scopeTerritoryCode([on('D01')])).toBe('D01');
    expect(scopeTerritoryCode([on('D29'), on('D29', 'deconcentrated-service')])).toBe('D29');
    // A right on policies in a territory (D29 × P1) opens there too: the national view would refuse it.
    const combined = (territoryCode: string | null) => ({ roleId: 'reader', scope: { kind: 'combined', territoryCode, ids: null } });
    expect(scopeTerritoryCode([combined('D29')])).toBe('D29');
    expect(scopeTerritoryCode([combined('D29'), on('D29')])).toBe('D29');
    expect(scopeTerritoryCode([combined(null)])).toBeNull();
    expect(scopeTerritoryCode([combined('D29'), on('D35')])).toBeNull();
  });

  it('is null for anonymous visitors, national rights, policy-bound rights and several territories', () => {
    expect(scopeTerritoryCode([])).toBeNull();
    expect(scopeTerritoryCode([on('D29'), { roleId: 'reader', scope: { kind: 'all' } }])).toBeNull();
    expect(scopeTerritoryCode([{ roleId: 'project-director', scope: { kind: 'policies', ids: ['P1'] } }])).toBeNull();
    expect(scopeTerritoryCode([on('D29'), on('D35')])).toBeNull();
  });
});
