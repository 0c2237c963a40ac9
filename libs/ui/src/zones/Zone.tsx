import { Box } from '@mui/material';
import { Component, Suspense, useSyncExternalStore, type ReactNode } from 'react';
import { getWidgets, subscribeWidgets, widgetsVersion } from './registry';

class WidgetBoundary extends Component<{ id: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.error(`Widget "${this.props.id}" failed`, error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

export interface ZoneProps {
  /** Stable id modules refer to, e.g. 'home.aside'. */
  id: string;
  context?: Record<string, unknown>;
  /** Kit content drawn before the widgets. */
  children?: ReactNode;
}

/** A named place of a page that modules fill; a failing widget never breaks the page. */
export function Zone({ id, context = {}, children }: ZoneProps) {
  useSyncExternalStore(subscribeWidgets, widgetsVersion, widgetsVersion);
  const widgets = getWidgets(id);
  if (!children && widgets.length === 0) return null;
  return (
    <Box data-zone={id} sx={{ display: 'contents' }}>
      {children}
      {widgets.map(({ id: widgetId, component: Widget }) => (
        <WidgetBoundary key={widgetId} id={widgetId}>
          {/* Widgets may be lazy (heavy charts load only where they are shown). */}
          <Suspense fallback={null}>
            <Widget zoneId={id} context={context} />
          </Suspense>
        </WidgetBoundary>
      ))}
    </Box>
  );
}
