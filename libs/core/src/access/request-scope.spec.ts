import { attachRequestScopes, namesScope, readScopeOf, requestScopes, ScopeMissingError, scopeKey, scopeSql, scopeSqlForPolicy } from './request-scope';

describe('request scopes (fail closed)', () => {
  it('refuses to read scoped data on a request nobody scoped, instead of reading everywhere', () => {
    expect(() => requestScopes({})).toThrow(ScopeMissingError);
    expect(() => readScopeOf({ req: {} })).toThrow(ScopeMissingError);
    expect(() => readScopeOf(undefined)).toThrow(ScopeMissingError);
    // A look-alike property (a header or body field copied onto the request) is not a scope.
    expect(() => requestScopes({ readScope: { territoryRoots: null }, scopes: { read: { territoryRoots: null } } })).toThrow(ScopeMissingError);
  });

  it('answers the scopes the auth layer attached, "everywhere" only when it said so', () => {
    const req = {};
    attachRequestScopes(req, { read: { territoryRoots: ['D13'] }, import: { territoryRoots: [] } });
    expect(readScopeOf({ req })).toEqual({ territoryRoots: ['D13'] });
    expect(requestScopes(req).import).toEqual({ territoryRoots: [] });
    expect(scopeSql(readScopeOf({ req }), 't.code', 3)).toEqual({ sql: expect.stringContaining('ANY($3::text[])'), params: [['D13']] });
    expect(scopeSql({ territoryRoots: [] }, 't.code', 1).params).toEqual([[]]);
    expect(scopeSql({ territoryRoots: null }, 't.code', 1)).toEqual({ sql: '', params: [] });
  });

  it('keeps rows mixing policies to the full roots, and lets rows of a policy in through its cells (ADR 037)', () => {
    const scope = { territoryRoots: ['D13'], policyCells: [{ roots: ['D29'], policyIds: ['P-1', 'P-2'] }, { roots: null, policyIds: ['P-9'] }] };
    // Strict: the cells add nothing where the rows carry no policy.
    expect(scopeSql(scope, 'x.code', 4)).toEqual({ sql: expect.stringContaining('ANY($4::text[])'), params: [['D13']] });
    const forPolicy = scopeSqlForPolicy(scope, 'ps.territory_code', 'ps.policy_id', 3);
    expect(forPolicy.params).toEqual([['D13'], ['D29', 'D29'], ['P-1', 'P-2'], ['P-9']]);
    expect(forPolicy.sql).toMatch(/ANY\(\$3::text\[\]\)[\s\S]*ps\.policy_id = ANY\(\$6::text\[\]\)[\s\S]*unnest\(\$4::text\[\], \$5::text\[\]\)/);
    // Without cells, or reading everywhere, it is scopeSql.
    expect(scopeSqlForPolicy({ territoryRoots: ['D13'] }, 't.code', 'p.id', 2)).toEqual(scopeSql({ territoryRoots: ['D13'] }, 't.code', 2));
    expect(scopeSqlForPolicy({ territoryRoots: null, policyCells: scope.policyCells }, 't.code', 'p.id', 2)).toEqual({ sql: '', params: [] });
    expect(scopeSqlForPolicy({ territoryRoots: [], policyCells: [{ roots: [], policyIds: ['P-1'] }] }, 't.code', 'p.id', 1)).toEqual({ sql: expect.any(String), params: [[]] });
  });

  it('lists the names of the cells\' territories, and tells scopes with other cells apart in cache keys', () => {
    expect(namesScope({ territoryRoots: ['D13'], policyCells: [{ roots: ['D29'], policyIds: ['P-1'] }] })).toEqual({ territoryRoots: ['D13', 'D29'] });
    expect(namesScope({ territoryRoots: [], policyCells: [{ roots: null, policyIds: ['P-1'] }] })).toEqual({ territoryRoots: null });
    expect(namesScope({ territoryRoots: ['D13'] })).toEqual({ territoryRoots: ['D13'] });
    const p1 = scopeKey({ territoryRoots: [], policyCells: [{ roots: ['D29'], policyIds: ['P-1'] }] });
    const p2 = scopeKey({ territoryRoots: [], policyCells: [{ roots: ['D29'], policyIds: ['P-2'] }] });
    expect(JSON.stringify(p1)).not.toEqual(JSON.stringify(p2));
    expect(scopeKey({ territoryRoots: ['D13'] })).toEqual(['D13']);
  });

  it('answers 403 with a code, as REST and GraphQL refusals do', () => {
    const error = new ScopeMissingError();
    expect(error.getStatus()).toBe(403);
    expect(error.extensions).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
  });
});
