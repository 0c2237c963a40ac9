import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { KIT_CONTEXT, type KitContext, type LiveSettings } from '@pilote/module-sdk/server';
import path from 'node:path';
import type { HelpCentreSettings } from '../common/manifest';
import { replaceHelpArticles } from './help-article.store';
import { readHelpFolder } from './read-help-folder';

export const HELP_CENTRE_SETTINGS = Symbol('HELP_CENTRE_SETTINGS');

/**
 * At start, and when an administrator changes the folder (on any replica), indexes the instance's
 * Markdown articles; a broken file is skipped with a warning naming it.
 */
@Injectable()
export class HelpArticlesSync implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('help-centre');
  private readonly stopFollowing: () => void;

  constructor(
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
    @Inject(HELP_CENTRE_SETTINGS) private readonly live: LiveSettings<HelpCentreSettings>,
  ) {
    this.stopFollowing = live.onChange((settings, previous) => (settings.folder === previous.folder ? undefined : this.sync(settings.folder)));
  }

  onModuleInit(): Promise<void> {
    return this.sync(this.live.current().folder);
  }

  onModuleDestroy(): void {
    this.stopFollowing();
  }

  private async sync(relativeFolder: string): Promise<void> {
    const folder = path.resolve(this.kit.instance.directory, relativeFolder);
    const { articles, problems } = readHelpFolder(folder);
    for (const problem of problems) this.logger.warn(`Help article skipped: ${path.join(relativeFolder, problem)}`);
    await this.kit.dataSource.transaction(async (manager) => {
      // Every replica sees the change and indexes the same files: one at a time.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('help-centre.articles'))`);
      await replaceHelpArticles(manager, articles);
    });
  }
}
