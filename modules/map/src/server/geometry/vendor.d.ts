// Local declarations of the few functions used (d3-geo 1.x and topojson-client 3.x ship no types).
declare module 'd3-geo' {
  type Position = [number, number];
  interface PathContext { moveTo(x: number, y: number): void; lineTo(x: number, y: number): void; closePath(): void; arc(x: number, y: number, r: number, a0: number, a1: number): void }
  interface GeoProjection {
    (point: Position): Position | null;
    parallels(parallels: [number, number]): GeoProjection;
    rotate(angles: [number, number]): GeoProjection;
    fitWidth(width: number, object: unknown): GeoProjection;
    precision(precision: number): GeoProjection;
  }
  interface GeoPath { (object: unknown): string | null | undefined; bounds(object: unknown): [Position, Position] }
  export function geoConicConformal(): GeoProjection;
  export function geoBounds(object: unknown): [Position, Position];
  export function geoPath(projection: GeoProjection, context?: PathContext): GeoPath;
}

declare module 'topojson-client' {
  export function feature(topology: unknown, object: unknown): { type: 'FeatureCollection'; features: unknown[] } | { type: 'Feature' };
}
