import { may } from './may';

describe('may', () => {
  it('allows an action granted on the subject, or through manage / all', () => {
    expect(may([{ action: 'validate', subject: 'Measure' }], 'validate', 'Measure')).toBe(true);
    expect(may([{ action: 'manage', subject: 'AccessRequest' }], 'update', 'AccessRequest')).toBe(true);
    expect(may([{ action: 'manage', subject: 'all' }], 'import', 'Import')).toBe(true);
    expect(may([{ action: ['read', 'create'], subject: ['Measure', 'Narrative'] }], 'create', 'Narrative')).toBe(true);
  });

  it('refuses what no rule grants, and what an unconditional inverted rule forbids', () => {
    expect(may([], 'read', 'Dashboard')).toBe(false);
    expect(may([{ action: 'read', subject: 'Measure' }], 'publish', 'Measure')).toBe(false);
    expect(may([{ action: 'manage', subject: 'all' }, { action: 'import', subject: 'Import', inverted: true }], 'import', 'Import')).toBe(false);
  });

  it('keeps a grant when the inverted rule only applies somewhere (conditions)', () => {
    expect(may([{ action: 'update', subject: 'Measure' }, { action: 'update', subject: 'Measure', inverted: true, conditions: { territoryCode: 'D13' } }], 'update', 'Measure')).toBe(true);
  });
});
