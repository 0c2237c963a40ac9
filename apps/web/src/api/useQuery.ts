import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchGraphQL } from './graphql';
import type { TypedDocumentString } from './generated/graphql';

export interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  refetch: () => void;
}

// Small in-memory cache so that going back to a view is instant (stale-while-revalidate).
const cache = new Map<string, unknown>();
const MAX_ENTRIES = 100;

function remember(key: string, value: unknown) {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
}

export function clearQueryCache() {
  cache.clear();
}

/** Runs a GraphQL query whenever its variables change; `skip` defers it. A generated document types both. */
export function useQuery<T, V>(document: TypedDocumentString<T, V>, variables?: V, options?: { skip?: boolean }): QueryState<T>;
export function useQuery<T>(query: string, variables?: Record<string, unknown>, options?: { skip?: boolean }): QueryState<T>;
export function useQuery<T>(document: string | TypedDocumentString<T, unknown>, variables?: unknown, options: { skip?: boolean } = {}): QueryState<T> {
  const query = document.toString();
  const key = JSON.stringify([query, variables ?? {}]);
  const [state, setState] = useState<{ key: string; data?: T; error?: unknown; loading: boolean }>(() => ({
    key, data: cache.get(key) as T | undefined, loading: !options.skip,
  }));
  const [nonce, setNonce] = useState(0);
  const varsRef = useRef(variables);
  varsRef.current = variables;

  useEffect(() => {
    if (options.skip) return;
    const controller = new AbortController();
    setState({ key, data: cache.get(key) as T | undefined, loading: true });
    fetchGraphQL<T>(query, varsRef.current as Record<string, unknown> | undefined, controller.signal).then(
      (data) => {
        remember(key, data);
        setState({ key, data, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ key, error, loading: false });
      },
    );
    return () => controller.abort();
  }, [key, query, nonce, options.skip]);

  // Reloads while the current data stays on screen (forms and messages keep their state); the
  // cache is replaced when the answer arrives.
  const refetch = useCallback(() => setNonce((n) => n + 1), []);

  // While the new key loads, never show the previous key's data as if it were current.
  const current = state.key === key ? state : { key, data: cache.get(key) as T | undefined, loading: !options.skip };
  return { data: current.data, error: current.error, loading: current.loading, refetch };
}
