import { z } from 'zod';

// The settings schema lives apart from the manifest: the server entry adds it to the manifest, so
// the browser's module bundle never loads zod (the admin form is described by the API).
/** Where the geometry of one territory level comes from (every key has a convention-based default). */
export const levelGeometrySchema = z
  .object({
    file: z.string().min(1).optional().describe('File of the level, relative to the instance folder: a GeoJSON FeatureCollection or a TopoJSON Topology in WGS 84. Default: <geometryFolder>/<level in lower case>.geojson, .topojson or .json.'),
    codeProperty: z.string().min(1).optional().describe('Feature property holding the territory code. Default: INSEE_COM (COM), CODE_SIREN (EPCI), INSEE_DEP (DEPT), INSEE_REG (REG), then `code`.'),
    object: z.string().min(1).optional().describe('TopoJSON only: the object of the topology to read. Default: the first one.'),
  })
  .strict();

export const settingsSchema = z
  .object({
    geometryFolder: z.string().min(1).default('data/geometry').meta({ title: 'Geometry folder' }).describe('Folder of the geometry files, relative to the instance folder; a level whose file is missing has no map (its table remains).'),
    geometry: z
      .record(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'a level id is upper case, e.g. EPCI'), levelGeometrySchema)
      .default({})
      .describe('Per level (EPCI, COM…): file, code property and TopoJSON object, when the defaults do not fit.'),
  })
  .strict();

export type MapSettings = z.output<typeof settingsSchema>;
export type LevelGeometrySettings = z.output<typeof levelGeometrySchema>;
