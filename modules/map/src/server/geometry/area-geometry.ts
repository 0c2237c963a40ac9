/** A [longitude, latitude] pair (WGS 84), as GeoJSON writes it. */
export type Position = [number, number];

/** The only geometries a choropleth can fill. */
export type AreaGeometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** One territory's shape, keyed by the code read from the file (INSEE, SIREN or the kit's code). */
export interface AreaFeature {
  code: string;
  geometry: AreaGeometry;
}

/** A geometry file read and checked: its features, its level, and the note it may carry. */
export interface GeometryFile {
  /** Path relative to the instance folder, for messages. */
  file: string;
  level: string;
  codeProperty: string;
  /** A top-level `note` of the file (e.g. "simplified for the screen"), shown under the map. */
  note: string | null;
  /** A top-level `credit` of the file: the source and licence line its producer asks for, shown under the map. */
  credit: string | null;
  features: AreaFeature[];
}

/** A geometry file that cannot be used; the message names the file and the feature. */
export class GeometryFileError extends Error {
  override readonly name = 'GeometryFileError';
}
