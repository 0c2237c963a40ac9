import { defineModule } from '@pilote/module-sdk';
import { z } from 'zod';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

// No settings yet: the web part cannot read module settings (they stay on the server, see docs/modules).
export const settingsSchema = z.object({}).strict();

export type ChartSettings = z.output<typeof settingsSchema>;

/** Line and bar charts of any DataFrame (nivo), themed by the instance's chart tokens. */
export const manifest = defineModule({
  id: 'chart',
  version: '0.1.0',
  kitRange: '^0.1.0',
  displayName: { fr: 'Graphiques', en: 'Charts' },
  description: { fr: 'Courbes et barres pour tout tableau de données (DataFrame).', en: 'Line and bar charts for any DataFrame.' },
  dependsOn: [],
  settingsSchema,
  i18n: { fr, en },
});
