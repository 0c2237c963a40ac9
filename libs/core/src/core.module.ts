import { type DynamicModule, Module } from '@nestjs/common';
import { OpenDataController } from './open-data/open-data.controller';
import { PublicDataController } from './public/public-data.controller';
import { EmbedController } from './public/embed.controller';
import { PublicSnapshotJob } from './public/public-snapshot.job';
import { PublicResolver } from './public/public.resolver';
import { KIT_CONTEXT, type KitContext } from './boot/kit-context';
import { InstanceResolver } from './instance/instance.resolver';
import { RoadmapResolver } from './dashboard/roadmap.resolver';
import { ReleaseNotesResolver } from './release-notes/release-notes.resolver';
import { JobsLifecycle } from './jobs/jobs-lifecycle';
import { JobsResolver } from './jobs/jobs.resolver';
import { DashboardResolver, IndicatorFieldsResolver, PolicyFieldsResolver, TerritoryFieldsResolver } from './dashboard/dashboard.resolver';

/** The core domain: resolvers and services over the kit's database. */
@Module({})
export class CoreModule {
  static forRoot(context: KitContext): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      providers: [
        { provide: KIT_CONTEXT, useValue: context },
        InstanceResolver,
        DashboardResolver,
        PolicyFieldsResolver,
        IndicatorFieldsResolver,
        TerritoryFieldsResolver,
        RoadmapResolver,
        ReleaseNotesResolver,
        JobsResolver,
        JobsLifecycle,
        PublicResolver,
        PublicSnapshotJob,
      ],
      controllers: [OpenDataController, PublicDataController, EmbedController],
      exports: [KIT_CONTEXT],
    };
  }
}
