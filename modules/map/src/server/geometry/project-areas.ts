import { geoBounds, geoConicConformal, geoPath } from 'd3-geo';
import type { AreaFeature } from './area-geometry';

export interface ProjectedAreas {
  /** SVG viewBox of the drawn areas (`0 0 600 512`). */
  viewBox: string;
  /** One SVG path per territory code, in the viewBox's units. */
  areas: { code: string; d: string }[];
}

// Points closer than this (in viewBox units) to the last one kept are dropped: at 600 units wide,
// detail below half a unit is invisible, and dropping it keeps commune maps small.
const MIN_STEP = 0.5;

/** An SVG path builder for d3-geo that rounds to 0.1 and skips invisible steps. */
class CompactPath {
  private parts: string[] = [];
  private last: [number, number] | null = null;

  moveTo(x: number, y: number): void {
    this.last = [x, y];
    this.parts.push(`M${round(x)},${round(y)}`);
  }

  lineTo(x: number, y: number): void {
    if (this.last && Math.abs(x - this.last[0]) < MIN_STEP && Math.abs(y - this.last[1]) < MIN_STEP) return;
    this.last = [x, y];
    this.parts.push(`L${round(x)},${round(y)}`);
  }

  closePath(): void {
    this.parts.push('Z');
  }

  arc(): void {
    // Points are never drawn: only areas.
  }

  take(): string {
    const d = this.parts.join('');
    this.parts = [];
    this.last = null;
    return d;
  }
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * Projects areas for the screen with a conformal conic (the family of Lambert-93) centred on them
 * and fitted to `width`; the height follows their shape. Done on the server so that the browser
 * only draws paths.
 */
export function projectAreas(features: readonly AreaFeature[], width = 600): ProjectedAreas {
  if (features.length === 0) return { viewBox: `0 0 ${width} ${width}`, areas: [] };
  const collection = { type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', properties: {}, geometry: f.geometry })) };
  const [[west, south], [east, north]] = geoBounds(collection);
  const centre = (west + (east < west ? east + 360 : east)) / 2;
  const span = north - south;
  const projection = geoConicConformal()
    .rotate([-centre, 0])
    .parallels([south + span / 6, north - span / 6])
    .precision(0.5)
    .fitWidth(width, collection);
  const context = new CompactPath();
  const path = geoPath(projection, context);
  const areas = features.map((feature) => {
    path(feature.geometry);
    return { code: feature.code, d: context.take() };
  });
  const [[, top], [, bottom]] = geoPath(projection).bounds(collection);
  const height = Number.isFinite(bottom) ? Math.max(1, Math.ceil(bottom - Math.min(0, top))) : width;
  return { viewBox: `0 ${Math.min(0, Math.floor(top))} ${width} ${height}`, areas };
}
