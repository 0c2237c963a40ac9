import { defineModule } from '@pilote/module-sdk';
import { z } from 'zod';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

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

/** Choropleth of any DataFrame by territory: départements and régions built in, other levels from the instance's geometry files. */
export const manifest = defineModule({
  id: 'map',
  version: '0.1.0',
  kitRange: '^0.1.0',
  displayName: { fr: 'Carte', en: 'Map' },
  description: {
    fr: 'Carte choroplèthe par région, département, et, avec les fichiers de géométrie de l’instance, par EPCI ou commune.',
    en: 'Choropleth by région, département and, with the instance’s geometry files, by EPCI or commune.',
  },
  dependsOn: [],
  settingsSchema,
  i18n: { fr, en },
});
