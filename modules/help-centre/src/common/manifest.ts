import { defineModule } from '@pilote/module-sdk';
import { z } from 'zod';
import { HELP_PAGES } from './help-article';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

export const helpCentreSettingsSchema = z.object({
  /** Folder of Markdown articles, relative to the instance folder (read by the server part at start). */
  folder: z.string().min(1).default('help').describe('Folder of the Markdown articles, relative to the instance folder'),
  /** Pages that show the contextual help box (page ids: home, policy, territory). */
  contextualPages: z.array(z.enum(HELP_PAGES)).default([...HELP_PAGES]).describe('Pages showing the contextual help box'),
  /** How many articles the contextual help box lists. */
  contextualArticles: z.number().int().min(1).max(10).default(3).describe('Articles listed in the contextual help box'),
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
  // What the contextual help box reads in the browser (useModuleSettings); `folder` stays on the server.
  publicSettings: ['contextualPages', 'contextualArticles'],
  i18n: { fr, en },
});
