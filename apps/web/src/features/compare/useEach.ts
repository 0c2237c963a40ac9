import { useEffect, useState } from 'react';
import { fetchGraphQL } from '../../api/graphql';
import type { TypedDocumentString } from '../../api/generated/graphql';

export type EachResult<T> = { key: string; data?: T; error?: unknown };

/**
 * The same query once per item (a territory of a comparison), in parallel: each answers or fails
 * on its own, so a territory the reader may not see (or that does not exist) does not hide the others.
 */
export function useEach<T>(document: string | TypedDocumentString<T, never>, items: { key: string; variables: Record<string, unknown> }[], options: { skip?: boolean } = {}) {
  const signature = JSON.stringify([document.toString(), items]);
  const [state, setState] = useState<{ signature: string; results: EachResult<T>[]; loading: boolean }>({ signature: '', results: [], loading: !options.skip });
  useEffect(() => {
    if (options.skip) return;
    const controller = new AbortController();
    const asked = JSON.parse(signature) as [string, { key: string; variables: Record<string, unknown> }[]];
    // Keep the former signature until the answers come: its results (maybe another query's shape) are not this one's.
    setState((previous) => ({ ...previous, loading: true }));
    void Promise.allSettled(asked[1].map((item) => fetchGraphQL<T>(asked[0], item.variables, controller.signal))).then((settled) => {
      if (controller.signal.aborted) return;
      setState({
        signature,
        loading: false,
        results: settled.map((s, i) => (s.status === 'fulfilled' ? { key: asked[1][i].key, data: s.value } : { key: asked[1][i].key, error: s.reason as unknown })),
      });
    });
    return () => controller.abort();
  }, [signature, options.skip]);
  return { results: state.signature === signature ? state.results : [], loading: state.loading || state.signature !== signature };
}
