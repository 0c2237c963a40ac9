import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { mutate } from '../../api/mutate';
import { pageViewOf, type PageViewReport } from './pageKind';
import { RECORD_PAGE_VIEW } from './usageApi';

// The server counts a territory code it does not know as the page without its territory (answer false).
const send = (report: PageViewReport): Promise<unknown> => mutate(RECORD_PAGE_VIEW, { view: report }).catch(() => undefined);

/**
 * Counts each page shown (ADR 045): after the page has rendered and only while the tab is visible,
 * so a prerendered or background page is counted when someone actually looks at it, and a
 * prefetch never is. No cookie, no identifier: the server knows the session it already has.
 */
export function PageViewReporter() {
  const { pathname, search } = useLocation();
  const report = pageViewOf(pathname, search);
  // A new view is a new page or territory; sorting or filtering the same page is not.
  const kind = report?.kind ?? null;
  const territoryCode = report?.territoryCode ?? null;
  useEffect(() => {
    if (!kind || typeof document === 'undefined') return;
    const report: PageViewReport = { kind, territoryCode };
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fire = () => {
      if (done || document.visibilityState !== 'visible') return;
      done = true;
      void send(report);
    };
    // After this render has been painted (the page's own effects ran first).
    timer = setTimeout(fire, 300);
    const onVisible = () => { if (document.visibilityState === 'visible') timer = setTimeout(fire, 300); };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      done = true;
      if (timer) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [pathname, kind, territoryCode]);
  return null;
}
