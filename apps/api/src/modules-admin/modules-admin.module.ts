import { type DynamicModule, Module } from '@nestjs/common';
import type { LoadedModules } from '@pilote/module-sdk/server';
import { ModulePublicSettingsResolver } from './module-public-settings.resolver';
import { ModuleSettingsResolver } from './module-settings.resolver';
import { LOADED_MODULES, ModuleSettingsService } from './module-settings.service';

/** Module settings for administrators (GraphQL `modules`, `updateModuleSettings`, `resetModuleSettings`) and for web parts. */
@Module({})
export class ModulesAdminModule {
  static forRoot(modules: LoadedModules): DynamicModule {
    return {
      module: ModulesAdminModule,
      providers: [{ provide: LOADED_MODULES, useValue: modules }, ModuleSettingsService, ModuleSettingsResolver, ModulePublicSettingsResolver],
    };
  }
}
