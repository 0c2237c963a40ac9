import { type DynamicModule, Module } from '@nestjs/common';
import { DATA_PANELS, DataPanelsResolver } from './data-panels.resolver';
import type { ResolvedDataPanel } from './resolve-data-panels';

/** GraphQL `dataPanels` and `dataPanelFrame`: connector data the instance shows in dashboard zones. */
@Module({})
export class DataPanelsModule {
  static forRoot(panels: ResolvedDataPanel[]): DynamicModule {
    return { module: DataPanelsModule, providers: [{ provide: DATA_PANELS, useValue: panels }, DataPanelsResolver] };
  }
}
