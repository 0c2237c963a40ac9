import { defineModule } from '@pilote/module-sdk';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

export type { HelpCentreSettings } from './settings.schema';

/** The part of the manifest both the server and the browser read. */
export const manifest = defineModule({
  id: 'help-centre',
  version: '0.1.0',
  kitRange: '^0.1.0',
  displayName: { fr: 'Centre d’aide', en: 'Help centre' },
  description: { fr: 'FAQ et guides en Markdown, avec recherche et liens depuis chaque page.', en: 'Markdown FAQ and guides, searchable, linked from each page.' },
  dependsOn: [],
  // What the contextual help box reads in the browser (useModuleSettings); `folder` stays on the server.
  publicSettings: ['contextualPages', 'contextualArticles'],
  i18n: { fr, en },
});
