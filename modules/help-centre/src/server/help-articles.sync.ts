import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { KIT_CONTEXT, type KitContext } from '@pilote/module-sdk/server';
import path from 'node:path';
import type { HelpCentreSettings } from '../common/manifest';
import { replaceHelpArticles } from './help-article.store';
import { readHelpFolder } from './read-help-folder';

export const HELP_CENTRE_SETTINGS = Symbol('HELP_CENTRE_SETTINGS');

/** At start, indexes the instance's Markdown articles; a broken file is skipped with a warning naming it. */
@Injectable()
export class HelpArticlesSync implements OnModuleInit {
  private readonly logger = new Logger('help-centre');

  constructor(
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
    @Inject(HELP_CENTRE_SETTINGS) private readonly settings: HelpCentreSettings,
  ) {}

  async onModuleInit(): Promise<void> {
    const folder = path.resolve(this.kit.instance.directory, this.settings.folder);
    const { articles, problems } = readHelpFolder(folder);
    for (const problem of problems) this.logger.warn(`Help article skipped: ${path.join(this.settings.folder, problem)}`);
    await this.kit.dataSource.transaction((manager) => replaceHelpArticles(manager, articles));
  }
}
