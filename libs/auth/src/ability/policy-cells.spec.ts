import { buildAbility } from './build-ability';
import { rawPolicyCells } from './policy-cells';
import { territoryRoots } from './territory-scope';

const read = { action: 'read', subject: 'Dashboard' };

describe('rawPolicyCells (ADR 037: what rights limited to policies read)', () => {
  it('reads one cell per rule limited to policies or taxonomies, and none from full territory rules', () => {
    const ability = buildAbility({ grants: [
      { roleId: 'reader', rules: [read], scope: { kind: 'territory', territoryCode: 'D13' } },
      { roleId: 'reader', rules: [read], scope: { kind: 'combined', territoryCode: 'D29', policyIds: ['P-1'], taxonomyIds: [] } },
      { roleId: 'reader', rules: [read], scope: { kind: 'policies', ids: ['P-7'] } },
      { roleId: 'reader', rules: [read], scope: { kind: 'combined', territoryCode: 'D69', policyIds: [], taxonomyIds: ['min-test'] } },
    ] });
    expect(territoryRoots(ability, 'read', 'Dashboard')).toEqual(['D13']);
    expect(rawPolicyCells(ability, 'read', 'Dashboard')).toEqual(expect.arrayContaining([
      { roots: ['D29'], policyIds: ['P-1'], taxonomyIds: null },
      { roots: null, policyIds: ['P-7'], taxonomyIds: null },
      { roots: ['D69'], policyIds: null, taxonomyIds: ['min-test'] },
    ]));
    expect(rawPolicyCells(ability, 'read', 'Dashboard')).toHaveLength(3);
    expect(rawPolicyCells(ability, 'update', 'Narrative')).toEqual([]);
  });

  it('fails closed on a rule with any other condition', () => {
    const ability = buildAbility({ grants: [
      { roleId: 'odd', rules: [{ ...read, conditions: { status: 'published' } }], scope: { kind: 'policies', ids: ['P-1'] } },
      { roleId: 'odd', rules: [{ ...read, conditions: { policyId: 'P-2' } }], scope: { kind: 'territory', territoryCode: 'D29' } },
    ] });
    expect(rawPolicyCells(ability, 'read', 'Dashboard')).toEqual([]);
  });
});
