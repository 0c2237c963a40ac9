import { defineModule } from '@pilote/module-sdk';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

export type { MapSettings, LevelGeometrySettings } from './settings.schema';

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
  i18n: { fr, en },
});
