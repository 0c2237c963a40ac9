import { ExplainPanel } from '@pilote/ui';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { ExplanationDocument } from '../../api/generated/graphql';
import { useQuery } from '../../api/useQuery';
import { useUrlState } from '../../state/useUrlState';
import { useAsOf } from '../as-of/useAsOf';
import { withDrillRefs } from './drillRefs';

/** Search parameter holding the explanation ids, drilled-through last. */
export const EXPLAIN_PARAM = 'explain';

const ExplainContext = createContext<(id: string) => void>(() => undefined);

/** Opens the explain panel of a computed number from anywhere (`useExplain()(explanationId)`). */
export function useExplain() {
  return useContext(ExplainContext);
}

export function ExplainProvider({ children }: { children: ReactNode }) {
  const url = useUrlState();
  // The open explanation and the ones drilled through are the URL's `explain` list: a shared link opens the same drawer.
  const stack = url.getList(EXPLAIN_PARAM);
  const setStack = useCallback((next: string[]) => url.set({ [EXPLAIN_PARAM]: next }), [url]);
  const current = stack[stack.length - 1];
  // A page read at a past date (URL `asOf`) explains the figures it shows: those of that date (ADR 042).
  const { asOf } = useAsOf();
  const { data, loading, error } = useQuery(ExplanationDocument, { id: current ?? '', asOf }, { skip: !current });
  const open = useCallback((id: string) => setStack([id]), [setStack]);
  const value = useMemo(() => open, [open]);
  return (
    <ExplainContext.Provider value={value}>
      {children}
      <ExplainPanel
        open={Boolean(current)}
        onClose={() => setStack([])}
        explanation={data?.explanation ? withDrillRefs(data.explanation) : data?.explanation}
        loading={loading}
        error={error ?? (!loading && data && !data.explanation ? 'not found' : undefined)}
        onDrill={(ref) => setStack([...stack, ref])}
        onBack={stack.length > 1 ? () => setStack(stack.slice(0, -1)) : undefined}
        territoryHref={(code) => url.href(`/territories/${encodeURIComponent(code)}`)}
      />
    </ExplainContext.Provider>
  );
}
