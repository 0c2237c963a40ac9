import type { AreaGeometry, Position } from './area-geometry';

// Twice the signed area of a ring in the lon/lat plane: > 0 when counter-clockwise (north up).
function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return sum;
}

function orient(rings: Position[][]): Position[][] {
  // d3-geo reads rings on the sphere: exterior clockwise, holes counter-clockwise. RFC 7946 files
  // (mapshaper's default output) use the opposite order, which d3 would draw as "the whole world minus the territory".
  return rings.map((ring, index) => {
    const clockwise = signedArea(ring) < 0;
    return (index === 0) === clockwise ? ring : [...ring].reverse();
  });
}

/** The same geometry with its rings in the winding order d3-geo expects, whatever the file used. */
export function rewindForD3(geometry: AreaGeometry): AreaGeometry {
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: orient(geometry.coordinates) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(orient) };
}
