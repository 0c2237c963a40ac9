import { renderHook, waitFor } from '@testing-library/react';
import { fetchGraphQL, GraphQLRequestError } from './graphql';
import { clearQueryCache, useQuery } from './useQuery';

function mockFetch(impl: (body: { query: string; variables: Record<string, unknown> }) => { status?: number; json: unknown }) {
  const fn = jest.fn(async (_url: string, init: RequestInit) => {
    const { status = 200, json } = impl(JSON.parse(init.body as string));
    return { ok: status < 400, status, json: async () => json } as Response;
  });
  global.fetch = fn as unknown as typeof fetch;
  return fn;
}

beforeEach(() => clearQueryCache());

describe('fetchGraphQL', () => {
  it('POSTs JSON to /graphql with same-origin credentials', async () => {
    const fn = mockFetch(() => ({ json: { data: { ok: true } } }));
    await expect(fetchGraphQL('{ ok }', { a: 1 })).resolves.toEqual({ ok: true });
    const [url, init] = fn.mock.calls[0];
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(JSON.parse(init.body as string)).toEqual({ query: '{ ok }', variables: { a: 1 } });
  });

  it('turns GraphQL errors and HTTP failures into errors', async () => {
    mockFetch(() => ({ json: { errors: [{ message: 'Unknown territory' }] } }));
    await expect(fetchGraphQL('{ x }')).rejects.toThrow('Unknown territory');
    mockFetch(() => ({ status: 502, json: {} }));
    await expect(fetchGraphQL('{ x }')).rejects.toBeInstanceOf(GraphQLRequestError);
  });
});

describe('useQuery', () => {
  it('goes from loading to data, and refetches when variables change', async () => {
    const fn = mockFetch(({ variables }) => ({ json: { data: { echo: variables.code } } }));
    const { result, rerender } = renderHook(({ code }) => useQuery<{ echo: string }>('query Q($code: String) { echo }', { code }), { initialProps: { code: 'FR' } });
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.data?.echo).toBe('FR'));
    expect(result.current.loading).toBe(false);
    rerender({ code: 'REG-84' });
    // Never shows the previous territory's data as if it were the new one.
    expect(result.current.data).toBeUndefined();
    await waitFor(() => expect(result.current.data?.echo).toBe('REG-84'));
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('exposes the error and does not run when skipped', async () => {
    const fn = mockFetch(() => ({ json: { errors: [{ message: 'Forbidden' }] } }));
    const skipped = renderHook(() => useQuery('{ x }', {}, { skip: true }));
    expect(skipped.result.current.loading).toBe(false);
    expect(fn).not.toHaveBeenCalled();
    const { result } = renderHook(() => useQuery('{ y }'));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect((result.current.error as Error).message).toBe('Forbidden');
  });
});
