import { useEffect, useState } from 'react';
import { GraphQLRequestError } from '../../api/graphql';

export type PrintState<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; code: string };

/** Loads everything a fiche shows before it says `ready` (the renderer prints then, not before). */
export function usePrintData<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): PrintState<T> {
  const [result, setResult] = useState<PrintState<T>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setResult({ state: 'loading' });
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setResult({ state: 'ready', data }),
      (error: unknown) => !controller.signal.aborted && setResult({ state: 'error', code: errorCodeOf(error) }),
    );
    return () => controller.abort();
  }, deps);
  return result;
}

function errorCodeOf(error: unknown): string {
  if (error instanceof GraphQLRequestError) return error.errors?.[0]?.extensions?.code ?? (error.status === 403 ? 'FORBIDDEN' : 'ERROR');
  return (error as Error).message === 'NOT_FOUND' ? 'NOT_FOUND' : 'ERROR';
}
