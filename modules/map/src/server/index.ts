import { defineModule, type ServerPart } from '@pilote/module-sdk/server';
import { manifest, type MapSettings } from '../common/manifest';
import { settingsSchema } from '../common/settings.schema';
import { MapModule } from './map.nest-module';

/** Serves the instance's geometry files (EPCI, communes…) projected for the screen; the drawing is in ./web. */
const server: ServerPart<MapSettings> = {
  nestModule: (context) => MapModule.forModule(context),
  permissions: [
    {
      subject: 'MapGeometry',
      actions: ['read'],
      description: 'Read the territory shapes of the maps (public geographic data, files of the instance).',
      defaultGrants: { public: ['read'] },
    },
  ],
};

export default defineModule({ ...manifest, settingsSchema, server });
export { parseGeometryFile } from './geometry/parse-geometry-file';
export { GeometryFileError } from './geometry/area-geometry';
