import { type DataFrame, frameMatches } from '../common/data-frame';
import type { Visualisation } from './web-part.types';

const visualisations = new Map<string, Visualisation>();
const listeners = new Set<() => void>();
let version = 0;

/** Called by the module host for each enabled module's visualisations. Returns an unregister function. */
export function registerVisualisation(visualisation: Visualisation): () => void {
  visualisations.set(visualisation.id, visualisation);
  notify();
  return () => {
    if (visualisations.get(visualisation.id) === visualisation) visualisations.delete(visualisation.id);
    notify();
  };
}

export function getVisualisation(id: string): Visualisation | undefined {
  return visualisations.get(id);
}

/** The visualisations able to draw this frame, in registration order. */
export function visualisationsFor(frame: DataFrame): Visualisation[] {
  return [...visualisations.values()].filter((visualisation) => frameMatches(frame, visualisation.accepts));
}

export function subscribeVisualisations(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function visualisationsVersion(): number {
  return version;
}

/** For tests. */
export function clearVisualisations(): void {
  visualisations.clear();
  notify();
}

function notify() {
  version += 1;
  for (const listener of listeners) listener();
}
