import { type DynamicModule, Module } from '@nestjs/common';
import { KIT_CONTEXT, type KitContext } from '@pilote/core';
import type { LoadedModules } from '@pilote/module-sdk/server';
import { ModuleWebEntryResolver } from '../module-web-parts/module-web-entry.resolver';
import { ModuleWebPartController } from '../module-web-parts/module-web-part.controller';
import { ModuleWebParts } from '../module-web-parts/module-web-parts';
import { ModulePublicSettingsResolver } from './module-public-settings.resolver';
import { ModuleSettingsResolver } from './module-settings.resolver';
import { LOADED_MODULES, ModuleSettingsService } from './module-settings.service';
import { ModuleSettingsWatcher } from './module-settings.watcher';

/**
 * Module settings for administrators (GraphQL `modules`, `updateModuleSettings`, `resetModuleSettings`)
 * and what web parts need: their public settings, and the pre-built web parts of installed packages (ADR 029).
 */
@Module({})
export class ModulesAdminModule {
  static forRoot(modules: LoadedModules): DynamicModule {
    return {
      module: ModulesAdminModule,
      controllers: [ModuleWebPartController],
      providers: [
        { provide: LOADED_MODULES, useValue: modules },
        ModuleSettingsWatcher,
        ModuleSettingsService,
        ModuleSettingsResolver,
        ModulePublicSettingsResolver,
        // Packages installed in the instance folder first, then the kit's (as the loader resolves them).
        {
          provide: ModuleWebParts,
          inject: [KIT_CONTEXT],
          useFactory: (kit: KitContext) => {
            // Each module's package: `{ id, package }` in pilote.config.ts, else @pilote/module-<id>.
            const packages = new Map(kit.instance.config.modules.map((entry) => [entry.id, entry.package]));
            return new ModuleWebParts(modules.modules.map(({ id }) => ({ id, package: packages.get(id) })), [kit.instance.directory, __dirname]);
          },
        },
        ModuleWebEntryResolver,
      ],
      exports: [ModuleSettingsWatcher],
    };
  }
}
