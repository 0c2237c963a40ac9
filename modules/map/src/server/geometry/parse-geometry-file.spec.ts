import { GeometryFileError } from './area-geometry';
import { codePropertiesOf } from './code-property';
import { parseGeometryFile } from './parse-geometry-file';

const square = (x: number, y: number, size = 0.1) => [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]];
const feature = (properties: Record<string, unknown>, coordinates: unknown = square(-4.5, 48.3), type = 'Polygon') => ({ type: 'Feature', properties, geometry: { type, coordinates } });
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', note: 'schematic', features });
const credited = (credit: unknown) => JSON.stringify({ type: 'FeatureCollection', credit, features: [feature({ code: 'A' })] });
const source = (level: string, extra = {}) => ({ file: 'data/geometry/x.geojson', level, ...extra });

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GeometryFileError);
    return (error as Error).message;
  }
  throw new Error('expected a GeometryFileError');
}

describe('reading a GeoJSON geometry file', () => {
  it('keys features by the ADMIN EXPRESS property of the level, then by `code`', () => {
    const communes = parseGeometryFile(collection(feature({ INSEE_COM: '29019', INSEE_DEP: '29' }), feature({ code: 'C29075' })), source('COM'));
    expect(communes.features.map((f) => f.code)).toEqual(['29019', 'C29075']);
    expect(communes.note).toBe('schematic');
    expect(communes.credit).toBeNull();
    const epci = parseGeometryFile(collection(feature({ CODE_SIREN: '242900314', INSEE_DEP: '29' })), source('EPCI'));
    expect(epci.features.map((f) => f.code)).toEqual(['242900314']);
    expect(parseGeometryFile(collection(feature({ INSEE_DEP: '29', INSEE_REG: 53 })), source('DEPT')).features[0].code).toBe('29');
    expect(parseGeometryFile(collection(feature({ INSEE_REG: 53 })), source('REG')).features[0].code).toBe('53');
  });

  it('keeps the credit line the file carries (source and licence), trimmed; an empty or non-text one is none', () => {
    expect(parseGeometryFile(credited(' IGN – ADMIN EXPRESS COG 2018 '), source('X')).credit).toBe('IGN – ADMIN EXPRESS COG 2018');
    expect(parseGeometryFile(credited('  '), source('X')).credit).toBeNull();
    expect(parseGeometryFile(credited(42), source('X')).credit).toBeNull();
  });

  it('reads only the configured property when one is set', () => {
    expect(codePropertiesOf('COM', 'COG')).toEqual(['COG']);
    expect(codePropertiesOf('CIRCO')).toEqual(['code']);
    const message = errorOf(() => parseGeometryFile(collection(feature({ INSEE_COM: '29019' })), source('COM', { codeProperty: 'COG' })));
    expect(message).toBe("data/geometry/x.geojson: 1 problem(s):\n  features[0] has no property COG (the territory code; set codeProperty in the map module's settings).");
  });

  it('merges the pieces of a territory and accepts MultiPolygons', () => {
    const file = parseGeometryFile(collection(feature({ code: 'A' }), feature({ code: 'A' }, square(-4, 48)), feature({ code: 'B' }, [square(-3, 47)], 'MultiPolygon')), source('X'));
    expect(file.features.map((f) => [f.code, f.geometry.type])).toEqual([['A', 'MultiPolygon'], ['B', 'MultiPolygon']]);
    expect(file.features[0].geometry.coordinates).toHaveLength(2);
  });

  it('names the file and each bad feature, all at once', () => {
    const text = collection(
      feature({ INSEE_COM: '29019' }),
      feature({ NOM: 'Guipavas' }),
      { type: 'Feature', properties: { INSEE_COM: '29189' }, geometry: { type: 'Point', coordinates: [-4.4, 48.4] } },
      feature({ INSEE_COM: '29212' }, square(150000, 6800000)),
      feature({ INSEE_COM: '29235' }, [[[-4, 48], [-4.1, 48], [-4, 48]]]),
      { type: 'Nope' },
    );
    const message = errorOf(() => parseGeometryFile(text, source('COM')));
    expect(message.split('\n')).toEqual([
      'data/geometry/x.geojson: 5 problem(s):',
      "  features[1] has no property INSEE_COM nor code (the territory code; set codeProperty in the map module's settings).",
      '  features[2] (29189): a Point cannot be drawn as an area (Polygon or MultiPolygon expected).',
      '  features[3] (29212): position (150000, 6800000) is not a longitude/latitude: the file looks projected (Lambert-93?); export it in WGS 84 (mapshaper -proj wgs84).',
      '  features[4] (29235): a ring has fewer than 4 positions.',
      '  features[5] is not a Feature.',
    ]);
  });

  it('refuses what is not JSON, not a FeatureCollection, or empty', () => {
    expect(errorOf(() => parseGeometryFile('{"type": "FeatureCollection",', source('COM')))).toMatch(/^data\/geometry\/x\.geojson: not valid JSON \(/);
    expect(errorOf(() => parseGeometryFile('{"type": "Feature"}', source('COM')))).toBe('data/geometry/x.geojson: expected a GeoJSON FeatureCollection or a TopoJSON Topology, found type "Feature".');
    expect(errorOf(() => parseGeometryFile('[]', source('COM')))).toBe('data/geometry/x.geojson: expected a GeoJSON FeatureCollection or a TopoJSON Topology, found type "undefined".');
    expect(errorOf(() => parseGeometryFile(collection(), source('COM')))).toBe('data/geometry/x.geojson: no feature: the file holds no territory.');
  });

  it('puts exterior rings clockwise and holes counter-clockwise, as d3-geo reads them', () => {
    // RFC 7946 order (exterior counter-clockwise, hole clockwise) as mapshaper writes it.
    const outer = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    const hole = [[2, 2], [2, 4], [4, 4], [4, 2], [2, 2]];
    const [area] = parseGeometryFile(collection(feature({ code: 'A' }, [outer, hole])), source('X')).features;
    expect(area.geometry.coordinates).toEqual([[...outer].reverse(), [...hole].reverse()]);
    const [same] = parseGeometryFile(collection(feature({ code: 'A' }, [[...outer].reverse(), [...hole].reverse()])), source('X')).features;
    expect(same.geometry.coordinates).toEqual(area.geometry.coordinates);
  });
});

describe('reading a TopoJSON geometry file', () => {
  const topology = (geometries: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({
    type: 'Topology',
    // Quantized and delta-encoded: one 0.1° square at (-4.5, 48.3), one at (-4.4, 48.3) sharing an edge.
    transform: { scale: [0.001, 0.001], translate: [-4.5, 48.3] },
    arcs: [[[100, 0], [0, 100]], [[100, 100], [-100, 0], [0, -100], [100, 0]], [[100, 0], [100, 0], [0, 100], [-100, 0]]],
    objects: { communes: { type: 'GeometryCollection', geometries } },
    ...extra,
  });

  it('decodes the first object, with its transform, keyed by the code property', () => {
    const file = parseGeometryFile(topology([
      { type: 'Polygon', arcs: [[0, 1]], properties: { INSEE_COM: '29019' } },
      { type: 'Polygon', arcs: [[2, ~0]], properties: { INSEE_COM: '29075' } },
    ]), { file: 'com.topojson', level: 'COM' });
    expect(file.features.map((f) => f.code)).toEqual(['29019', '29075']);
    const xs = (file.features[1].geometry.coordinates[0] as [number, number][]).map(([x]) => Math.round(x * 10) / 10);
    expect(Math.min(...xs)).toBe(-4.4);
    expect(Math.max(...xs)).toBe(-4.3);
  });

  it('names the object and the geometry index of a bad feature', () => {
    const message = errorOf(() => parseGeometryFile(topology([{ type: 'Polygon', arcs: [[0, 1]], properties: { INSEE_COM: '29019' } }, { type: 'Polygon', arcs: [[2, ~0]], properties: {} }]), { file: 'com.topojson', level: 'COM' }));
    expect(message).toBe("com.topojson: 1 problem(s):\n  objects.communes.geometries[1] has no property INSEE_COM nor code (the territory code; set codeProperty in the map module's settings).");
    expect(errorOf(() => parseGeometryFile(topology([]), { file: 'com.topojson', level: 'COM', object: 'COMMUNE' }))).toBe('com.topojson: the topology has no object "COMMUNE" (objects: communes).');
    expect(errorOf(() => parseGeometryFile(topology([], { arcs: undefined }), { file: 'com.topojson', level: 'COM' }))).toBe('com.topojson: a TopoJSON Topology needs an "arcs" array.');
  });
});
