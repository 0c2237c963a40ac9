import { subject } from '@casl/ability';
import { buildAbility } from './build-ability';
import { territoryRoots } from './territory-scope';
import { rootsCondition } from './scope-condition';

const read = { action: 'read', subject: 'Dashboard' };
const enter = { action: ['create', 'update'], subject: 'Measure' };
const at = (path: string[]) => ({ territoryPath: path });

describe('buildAbility', () => {
  it('limits a regional grant to the région and everything below it', () => {
    const ability = buildAbility({ grants: [{ roleId: 'regional-coordinator', rules: [read, enter], scope: { kind: 'territory', territoryCode: 'R84' } }] });
    expect(ability.can('read', subject('Dashboard', at(['C69123', 'E200046977', 'D69', 'R84', 'FRANCE'])))).toBe(true);
    expect(ability.can('read', subject('Dashboard', at(['D13', 'R93', 'FRANCE'])))).toBe(false);
    expect(ability.can('read', subject('Dashboard', at(['FRANCE'])))).toBe(false);
    expect(territoryRoots(ability, 'read', 'Dashboard')).toEqual(['R84']);
  });

  it('unions several assignments and treats a scope "all" as no restriction', () => {
    const two = buildAbility({ grants: [
      { roleId: 'reader', rules: [read], scope: { kind: 'territory', territoryCode: 'D13' } },
      { roleId: 'reader', rules: [read], scope: { kind: 'territory', territoryCode: 'D29' } },
    ] });
    expect(territoryRoots(two, 'read', 'Dashboard')).toEqual(['D13', 'D29']);
    const all = buildAbility({ grants: [{ roleId: 'reader', rules: [read], scope: { kind: 'all' } }] });
    expect(territoryRoots(all, 'read', 'Dashboard')).toBeNull();
    expect(territoryRoots(buildAbility({ grants: [] }), 'read', 'Dashboard')).toEqual([]);
  });

  it('cuts a token down to its scopes, never above its owner', () => {
    const grants = [{ roleId: 'admin', rules: [{ action: 'manage', subject: 'all' }], scope: { kind: 'all' as const } }];
    const readToken = buildAbility({ grants, userId: 'u1', tokenScopes: ['read'] });
    expect(readToken.can('read', 'Dashboard')).toBe(true);
    expect(readToken.can('update', 'Role')).toBe(false);
    expect(readToken.can('import', 'Import')).toBe(false);
    const importToken = buildAbility({ grants: [{ roleId: 'reader', rules: [read], scope: { kind: 'all' } }], userId: 'u1', tokenScopes: ['import', 'write'] });
    expect(importToken.can('import', 'Import')).toBe(false); // the owner cannot import either
    expect(importToken.can('read', 'Dashboard')).toBe(false); // not a read token
  });

  it('lets a user manage only their own tokens', () => {
    const ability = buildAbility({ grants: [], userId: 'u1' });
    expect(ability.can('delete', subject('ApiToken', { userId: 'u1' }))).toBe(true);
    expect(ability.can('delete', subject('ApiToken', { userId: 'u2' }))).toBe(false);
  });
});

describe('rootsCondition', () => {
  it('is TRUE for all, FALSE for nothing, and an EXISTS on the closure table otherwise', () => {
    expect(rootsCondition(null, 't.code')).toEqual({ sql: 'TRUE', params: [] });
    expect(rootsCondition([], 't.code')).toEqual({ sql: 'FALSE', params: [] });
    const scoped = rootsCondition(['R84'], 'ps.territory_code', 3);
    expect(scoped.sql).toBe('EXISTS (SELECT 1 FROM territory_ancestor a WHERE a.territory_code = ps.territory_code AND a.ancestor_code = ANY($3::text[]))');
    expect(scoped.params).toEqual([['R84']]);
  });
});
