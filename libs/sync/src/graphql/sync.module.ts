import { type DynamicModule, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { computationLevelOrder, currentAsOf, KIT_CONTEXT, type KitContext } from '@pilote/core';
import type { LoadedModules } from '@pilote/module-sdk/server';
import { defineSyncJobs } from '../sync-jobs';
import { SYNC_MODULES, SyncResolver } from './sync.resolver';

/** GraphQL for source bindings, and their jobs (`sync.tick`, `sync.run`) on the instance's queue. */
@Module({})
export class SyncModule implements OnModuleInit {
  constructor(
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
    @Inject(SYNC_MODULES) private readonly modules: Pick<LoadedModules, 'modules'>,
  ) {}

  static forRoot(modules: Pick<LoadedModules, 'modules'>): DynamicModule {
    return { module: SyncModule, providers: [{ provide: SYNC_MODULES, useValue: modules }, SyncResolver] };
  }

  onModuleInit(): void {
    defineSyncJobs(this.kit, this.modules, { levelOrder: computationLevelOrder(this.kit.instance.config), asOf: currentAsOf });
  }
}
