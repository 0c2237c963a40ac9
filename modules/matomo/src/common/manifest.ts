import { defineModule } from '@pilote/module-sdk';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

export type { MatomoSettings } from './settings.schema';

/** Optional: sends page views to the instance's own Matomo (no third party by default). */
export const manifest = defineModule({
  id: 'matomo',
  version: '0.1.0',
  kitRange: '^0.1.0',
  displayName: { fr: 'Matomo', en: 'Matomo' },
  description: {
    fr: 'Mesure d’audience par le Matomo de l’instance, pour celles qui en ont déjà un ; sans lui, aucun traceur n’est chargé.',
    en: 'Audience measurement by the instance’s own Matomo, for instances that already run one; without it, no tracker is loaded.',
  },
  dependsOn: [],
  // The web part needs the address and site id; nothing else is sent to the browser.
  publicSettings: ['url', 'siteId'],
  i18n: { fr, en },
});
