import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can } from '@pilote/auth';
import { actorFromContext, JsonScalar } from '@pilote/core';
import { ModuleSettingsService } from './module-settings.service';
import { EnabledModuleType } from './module-settings.types';

/** The admin page of modules: list with settings and form, change, reset (audited old → new). */
@Resolver(() => EnabledModuleType)
export class ModuleSettingsResolver {
  constructor(private readonly service: ModuleSettingsService) {}

  @Query(() => [EnabledModuleType], { description: 'The enabled modules and their settings (administrators).' })
  @Can('read', 'ModuleSettings')
  modules(): Promise<EnabledModuleType[]> {
    return this.service.list();
  }

  @Mutation(() => EnabledModuleType, {
    description: 'Replaces the overrides of a module: keys equal to the instance file are not stored. BAD_USER_INPUT lists every problem in extensions.issues [{ path, message }].',
  })
  @Can('manage', 'ModuleSettings')
  updateModuleSettings(@Context() ctx: unknown, @Args('moduleId') moduleId: string, @Args('settings', { type: () => JsonScalar }) settings: unknown): Promise<EnabledModuleType> {
    return this.service.update(moduleId, settings, actorFromContext(ctx));
  }

  @Mutation(() => EnabledModuleType, { description: 'Forgets the overrides of a module: the instance file applies again.' })
  @Can('manage', 'ModuleSettings')
  resetModuleSettings(@Context() ctx: unknown, @Args('moduleId') moduleId: string): Promise<EnabledModuleType> {
    return this.service.reset(moduleId, actorFromContext(ctx));
  }
}
