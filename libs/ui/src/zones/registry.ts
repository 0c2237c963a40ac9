import type { ComponentType } from 'react';

/** Props every widget receives: where it is drawn, plus the zone's context (territory, policy…). */
export interface ZoneWidgetProps {
  zoneId: string;
  context: Record<string, unknown>;
}

export interface WidgetRegistration {
  id: string;
  component: ComponentType<ZoneWidgetProps>;
  /** Lower first; default 100. */
  order?: number;
}

type Listener = () => void;

const widgets = new Map<string, WidgetRegistration[]>();
const listeners = new Set<Listener>();
let version = 0;

/**
 * Adds a widget to a named zone of the UI (e.g. 'home.aside', 'policy.indicators.after').
 * Re-registering the same widget id in a zone replaces it. Returns an unregister function.
 */
export function registerWidget(
  zoneId: string,
  component: ComponentType<ZoneWidgetProps>,
  options: { id?: string; order?: number } = {},
): () => void {
  const id = options.id ?? component.displayName ?? component.name ?? `widget-${version + 1}`;
  const list = (widgets.get(zoneId) ?? []).filter((w) => w.id !== id);
  list.push({ id, component, order: options.order });
  list.sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
  widgets.set(zoneId, list);
  notify();
  return () => {
    widgets.set(zoneId, (widgets.get(zoneId) ?? []).filter((w) => w.id !== id || w.component !== component));
    notify();
  };
}

export function getWidgets(zoneId: string): readonly WidgetRegistration[] {
  return widgets.get(zoneId) ?? EMPTY;
}

const EMPTY: readonly WidgetRegistration[] = [];

export function subscribeWidgets(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function widgetsVersion(): number {
  return version;
}

/** For tests. */
export function clearWidgets(): void {
  widgets.clear();
  notify();
}

function notify() {
  version += 1;
  for (const l of listeners) l();
}
