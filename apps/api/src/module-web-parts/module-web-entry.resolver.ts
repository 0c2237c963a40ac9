import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ModuleInfoType, Public } from '@pilote/core';
import { ModuleWebParts } from './module-web-parts';

/** `instance.modules.webEntry`: the URL of a module's pre-built web part, imported by the web app. */
@Resolver(() => ModuleInfoType)
export class ModuleWebEntryResolver {
  constructor(@Inject(ModuleWebParts) private readonly parts: ModuleWebParts) {}

  @ResolveField(() => String, { nullable: true, description: 'URL of the module\'s pre-built web part (ES module), or null when the web app has it built in or it has none' })
  @Public('where the browser code of an enabled module is, for the web app before sign-in; no data')
  webEntry(@Parent() module: ModuleInfoType): string | null {
    return this.parts.url(module.id) ?? null;
  }

  @ResolveField(() => String, { nullable: true, description: 'npm package the pre-built web part comes from (named in the web app\'s messages), or null when it has none' })
  @Public('which package an enabled module\'s browser code comes from, for the web app\'s messages; no data')
  webPackage(@Parent() module: ModuleInfoType): string | null {
    return this.parts.packageName(module.id) ?? null;
  }
}
