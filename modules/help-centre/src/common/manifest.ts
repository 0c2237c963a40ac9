import { defineModule } from '@pilote/module-sdk';
import { z } from 'zod';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

export const helpCentreSettingsSchema = z.object({
  /** Folder of Markdown articles, relative to the instance folder. */
  folder: z.string().min(1).default('help'),
  /** Pages that show the contextual help link (page ids: home, policy, territory). */
  contextualPages: z.array(z.enum(['home', 'policy', 'territory'])).default(['home', 'policy', 'territory']),
});

export type HelpCentreSettings = z.output<typeof helpCentreSettingsSchema>;

/** The part of the manifest both the server and the browser read. */
export const manifest = defineModule({
  id: 'help-centre',
  version: '0.1.0',
  kitRange: '^0.1.0',
  displayName: { fr: 'Centre d’aide', en: 'Help centre' },
  description: { fr: 'FAQ et guides en Markdown, avec recherche et liens depuis chaque page.', en: 'Markdown FAQ and guides, searchable, linked from each page.' },
  dependsOn: [],
  settingsSchema: helpCentreSettingsSchema,
  i18n: { fr, en },
});
