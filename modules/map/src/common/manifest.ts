import { defineModule } from '@pilote/module-sdk';
import { z } from 'zod';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

// No settings: the web part cannot read module settings (they stay on the server, see docs/modules).
export const settingsSchema = z.object({}).strict();

export type MapSettings = z.output<typeof settingsSchema>;

/** Choropleth of any DataFrame by territory (départements, or régions drawn with their départements). */
export const manifest = defineModule({
  id: 'map',
  version: '0.1.0',
  kitRange: '^0.1.0',
  displayName: { fr: 'Carte', en: 'Map' },
  description: { fr: 'Carte choroplèthe par département ou région pour tout tableau de données.', en: 'Choropleth by département or région for any DataFrame.' },
  dependsOn: [],
  settingsSchema,
  i18n: { fr, en },
});
