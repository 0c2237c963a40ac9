import { defineModule, type ServerPart } from '@pilote/module-sdk/server';
import { type HelpCentreSettings, manifest } from '../common/manifest';
import { helpCentreSettingsSchema } from '../common/settings.schema';
import { HelpCentreModule } from './help-centre.nest-module';
import { CreateHelpArticles1767225600100 } from './migrations/1767225600100-create-help-articles.migration';

const server: ServerPart<HelpCentreSettings> = {
  nestModule: (context) => HelpCentreModule.forModule(context),
  migrations: [CreateHelpArticles1767225600100],
  permissions: [
    {
      subject: 'HelpArticle',
      actions: ['read'],
      description: 'Read the help centre (articles are files of the instance, edited there).',
      defaultGrants: { public: ['read'], reader: ['read'] },
    },
  ],
};

export default defineModule({ ...manifest, settingsSchema: helpCentreSettingsSchema, server });
export { parseHelpFile, excerptOf } from './parse-help-file';
export { readHelpFolder } from './read-help-folder';
export { searchHelpArticles } from './help-article.store';
