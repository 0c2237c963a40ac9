import { feature as topologyFeature } from 'topojson-client';
import { type AreaFeature, type AreaGeometry, type GeometryFile, GeometryFileError, type Position } from './area-geometry';
import { codePropertiesOf, readCode } from './code-property';
import { rewindForD3 } from './rewind';

export interface GeometrySource {
  /** Path relative to the instance folder, for messages. */
  file: string;
  level: string;
  codeProperty?: string;
  /** TopoJSON: the object to read (default: the first one). */
  object?: string;
}

const MAX_LISTED = 10;

/**
 * Reads a GeoJSON FeatureCollection or a TopoJSON Topology of polygons in WGS 84 and keys each
 * feature by its territory code. Every problem names the file and the feature (`features[12]`);
 * they are all reported at once. Features sharing a code are merged (a territory in several pieces).
 */
export function parseGeometryFile(text: string, source: GeometrySource): GeometryFile {
  const fail = (message: string): never => {
    throw new GeometryFileError(`${source.file}: ${message}`);
  };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message}).`);
  }
  if (!json || typeof json !== 'object') return fail('expected a GeoJSON FeatureCollection or a TopoJSON Topology, found no object.');
  const root = json as Record<string, unknown>;
  const note = typeof root.note === 'string' ? root.note : null;
  const credit = typeof root.credit === 'string' && root.credit.trim() !== '' ? root.credit.trim() : null;
  const { features, path } = root.type === 'Topology' ? topologyFeatures(root, source, fail) : collectionFeatures(root, fail);

  const candidates = codePropertiesOf(source.level, source.codeProperty);
  const problems: string[] = [];
  const byCode = new Map<string, AreaGeometry[]>();
  features.forEach((item, index) => {
    const where = `${path}[${index}]`;
    const feature = item as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
    if (!feature || typeof feature !== 'object' || feature.type !== 'Feature') {
      problems.push(`${where} is not a Feature.`);
      return;
    }
    const code = readCode(feature.properties, candidates);
    if (code === null) {
      problems.push(`${where} has no property ${candidates.join(' nor ')} (the territory code; set codeProperty in the map module's settings).`);
      return;
    }
    const geometry = checkGeometry(feature.geometry, (message) => problems.push(`${where} (${code}): ${message}`));
    if (!geometry) return;
    byCode.set(code, [...(byCode.get(code) ?? []), geometry]);
  });
  if (problems.length > 0) {
    const more = problems.length > MAX_LISTED ? `\n  … and ${problems.length - MAX_LISTED} more` : '';
    fail(`${problems.length} problem(s):\n  ${problems.slice(0, MAX_LISTED).join('\n  ')}${more}`);
  }
  if (byCode.size === 0) fail('no feature: the file holds no territory.');
  const areas: AreaFeature[] = [...byCode].map(([code, parts]) => ({ code, geometry: rewindForD3(merge(parts)) }));
  return { file: source.file, level: source.level, codeProperty: candidates.join(' | '), note, credit, features: areas };
}

function collectionFeatures(root: Record<string, unknown>, fail: (message: string) => never): { features: unknown[]; path: string } {
  if (root.type !== 'FeatureCollection') fail(`expected a GeoJSON FeatureCollection or a TopoJSON Topology, found type "${String(root.type)}".`);
  if (!Array.isArray(root.features)) fail('a FeatureCollection needs a "features" array.');
  return { features: root.features as unknown[], path: 'features' };
}

function topologyFeatures(root: Record<string, unknown>, source: GeometrySource, fail: (message: string) => never): { features: unknown[]; path: string } {
  const objects = root.objects && typeof root.objects === 'object' ? (root.objects as Record<string, unknown>) : {};
  if (!Array.isArray(root.arcs)) fail('a TopoJSON Topology needs an "arcs" array.');
  const name = source.object ?? Object.keys(objects)[0];
  if (!name || !(name in objects)) fail(source.object ? `the topology has no object "${source.object}" (objects: ${Object.keys(objects).join(', ') || 'none'}).` : 'the topology has no object.');
  const object = objects[name] as { type?: unknown; geometries?: unknown };
  if (object?.type !== 'GeometryCollection' || !Array.isArray(object.geometries)) fail(`objects.${name} must be a GeometryCollection of the territories.`);
  let collection: { features?: unknown[] };
  try {
    collection = topologyFeature(root, object) as { features?: unknown[] };
  } catch (error) {
    return fail(`objects.${name} cannot be decoded (${(error as Error).message}); check its arcs.`);
  }
  return { features: collection.features ?? [], path: `objects.${name}.geometries` };
}

function checkGeometry(value: unknown, report: (message: string) => void): AreaGeometry | null {
  const bad = (message: string): null => {
    report(message);
    return null;
  };
  const geometry = value as { type?: unknown; coordinates?: unknown } | null;
  if (!geometry || typeof geometry !== 'object') return bad('no geometry.');
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return bad(`a ${String(geometry.type)} cannot be drawn as an area (Polygon or MultiPolygon expected).`);
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as unknown;
  if (!Array.isArray(polygons)) return bad('coordinates are missing.');
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return bad('a polygon has no ring.');
    for (const ring of polygon as unknown[]) {
      if (!Array.isArray(ring) || ring.length < 4) return bad('a ring has fewer than 4 positions.');
      for (const position of ring as unknown[]) {
        const [x, y] = Array.isArray(position) ? (position as unknown[]) : [];
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return bad('a position is not a pair of numbers.');
        if (Math.abs(x) > 180 || Math.abs(y) > 90) return bad(`position (${x}, ${y}) is not a longitude/latitude: the file looks projected (Lambert-93?); export it in WGS 84 (mapshaper -proj wgs84).`);
      }
    }
  }
  return geometry as AreaGeometry;
}

function merge(parts: AreaGeometry[]): AreaGeometry {
  if (parts.length === 1) return parts[0];
  const polygons: Position[][][] = parts.flatMap((part) => (part.type === 'Polygon' ? [part.coordinates] : part.coordinates));
  return { type: 'MultiPolygon', coordinates: polygons };
}
