import { type DynamicModule, Module } from '@nestjs/common';
import type { ModuleBootContext } from '@pilote/module-sdk/server';
import type { HelpCentreSettings } from '../common/manifest';
import { HelpArticlesSync, HELP_CENTRE_SETTINGS } from './help-articles.sync';
import { HelpCentreResolver } from './help-centre.resolver';

@Module({})
export class HelpCentreModule {
  static forModule({ live }: ModuleBootContext<HelpCentreSettings>): DynamicModule {
    return {
      module: HelpCentreModule,
      providers: [{ provide: HELP_CENTRE_SETTINGS, useValue: live }, HelpArticlesSync, HelpCentreResolver],
    };
  }
}
