import { useEffect, useState } from 'react';

/** What a module's web part gets back from the kit's GraphQL endpoint. */
export interface ModuleQueryState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

/** POSTs a GraphQL operation to the kit (same origin, cookies included); throws on `errors`. */
export async function moduleGraphQL<T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const body = (await response.json().catch(() => undefined)) as { data?: T; errors?: { message: string }[] } | undefined;
  if (body?.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  if (!response.ok || !body?.data) throw new Error(`HTTP ${response.status}`);
  return body.data;
}

/** Runs a query when its variables change; `skip` defers it. */
export function useModuleQuery<T>(query: string, variables: Record<string, unknown> = {}, options: { skip?: boolean } = {}): ModuleQueryState<T> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<ModuleQueryState<T>>({ data: undefined, error: undefined, loading: !options.skip });
  useEffect(() => {
    if (options.skip) return;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    moduleGraphQL<T>(query, JSON.parse(key) as Record<string, unknown>, controller.signal)
      .then((data) => setState({ data, error: undefined, loading: false }))
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setState({ data: undefined, error: error as Error, loading: false });
      });
    return () => controller.abort();
  }, [query, key, options.skip]);
  return state;
}
