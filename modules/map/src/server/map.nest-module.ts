import { type DynamicModule, Module } from '@nestjs/common';
import type { ModuleBootContext } from '@pilote/module-sdk/server';
import type { MapSettings } from '../common/manifest';
import { GeometryController } from './geometry/geometry.controller';
import { GeometryStore, MAP_SETTINGS } from './geometry/geometry.store';

@Module({})
export class MapModule {
  static forModule({ live }: ModuleBootContext<MapSettings>): DynamicModule {
    return {
      module: MapModule,
      controllers: [GeometryController],
      providers: [{ provide: MAP_SETTINGS, useValue: live }, GeometryStore],
    };
  }
}
