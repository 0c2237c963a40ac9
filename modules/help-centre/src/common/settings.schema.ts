import { z } from 'zod';
import { HELP_PAGES } from './help-article';

// The settings schema lives apart from the manifest: the server entry adds it to the manifest, so
// the browser's module bundle never loads zod (the admin form is described by the API).
export const helpCentreSettingsSchema = z.object({
  /** Folder of Markdown articles, relative to the instance folder (read by the server part at start). */
  folder: z.string().min(1).default('help').describe('Folder of the Markdown articles, relative to the instance folder'),
  /** Pages that show the contextual help box (page ids: home, policy, territory). */
  contextualPages: z.array(z.enum(HELP_PAGES)).default([...HELP_PAGES]).describe('Pages showing the contextual help box'),
  /** How many articles the contextual help box lists. */
  contextualArticles: z.number().int().min(1).max(10).default(3).describe('Articles listed in the contextual help box'),
});

export type HelpCentreSettings = z.output<typeof helpCentreSettingsSchema>;
