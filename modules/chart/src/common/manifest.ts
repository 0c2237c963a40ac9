import { defineModule } from '@pilote/module-sdk';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

export type { ChartSettings } from './settings.schema';

/** Line and bar charts of any DataFrame (nivo), themed by the instance's chart tokens. */
export const manifest = defineModule({
  id: 'chart',
  version: '0.1.0',
  kitRange: '^0.1.0',
  displayName: { fr: 'Graphiques', en: 'Charts' },
  description: { fr: 'Courbes et barres pour tout tableau de données (DataFrame).', en: 'Line and bar charts for any DataFrame.' },
  dependsOn: [],
  i18n: { fr, en },
});
