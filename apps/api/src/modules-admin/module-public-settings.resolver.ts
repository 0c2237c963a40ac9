import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { JsonScalar, ModuleInfoType, Public } from '@pilote/core';
import { ModuleSettingsService } from './module-settings.service';

/**
 * `instance.modules.publicSettings`: what a module's web part reads with useModuleSettings. Public
 * like `instance` itself, so only the keys the manifest lists in `publicSettings` are sent.
 * Read from the database at each call, so every replica serves a change at the next page load.
 */
@Resolver(() => ModuleInfoType)
export class ModulePublicSettingsResolver {
  constructor(private readonly service: ModuleSettingsService) {}

  @ResolveField(() => JsonScalar, { description: 'Effective values of the settings the module lets the browser read' })
  @Public('only the keys the manifest lists in publicSettings, for the web part before sign-in')
  publicSettings(@Parent() module: ModuleInfoType): Promise<Record<string, unknown>> {
    return this.service.publicSettings(module.id);
  }
}
