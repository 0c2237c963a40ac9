import { attachRequestScopes, readScopeOf, requestScopes, ScopeMissingError, scopeSql } from './request-scope';

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

  it('answers 403 with a code, as REST and GraphQL refusals do', () => {
    const error = new ScopeMissingError();
    expect(error.getStatus()).toBe(403);
    expect(error.extensions).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
  });
});
