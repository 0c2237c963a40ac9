import { useSyncExternalStore } from 'react';
import type { DataFrame } from '../common/data-frame';
import { getVisualisation, subscribeVisualisations, visualisationsFor, visualisationsVersion } from './visualisation-registry';

export interface VisualiseProps {
  frame: DataFrame;
  title: string;
  /** A visualisation id (`chart.line`); by default the first enabled one that accepts the frame. */
  use?: string;
  height?: number;
  /** Passed to visualisations that draw territories: the user picked this one. */
  onSelect?: (territoryCode: string) => void;
  /** Drawn when no enabled module can draw this frame. */
  fallback?: React.ReactNode;
}

/** Draws a DataFrame with whichever enabled visualisation module fits: callers never import a module. */
export function Visualise({ frame, title, use, height, onSelect, fallback = null }: VisualiseProps) {
  useSyncExternalStore(subscribeVisualisations, visualisationsVersion, visualisationsVersion);
  const visualisation = use ? getVisualisation(use) : visualisationsFor(frame)[0];
  if (!visualisation) return <>{fallback}</>;
  const Component = visualisation.component;
  return <Component frame={frame} title={title} height={height} onSelect={onSelect} />;
}
