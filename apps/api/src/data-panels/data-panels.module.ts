import { type DynamicModule, Module } from '@nestjs/common';
import type { LoadedModules } from '@pilote/module-sdk/server';
import { DATA_PANELS, DATA_PANEL_MODULES, DataPanelsResolver } from './data-panels.resolver';
import type { ResolvedDataPanel } from './resolve-data-panels';

/** GraphQL `dataPanels` and `dataPanelFrame`: connector data the instance shows in dashboard zones. */
@Module({})
export class DataPanelsModule {
  static forRoot(panels: ResolvedDataPanel[], modules: LoadedModules): DynamicModule {
    return { module: DataPanelsModule, providers: [{ provide: DATA_PANELS, useValue: panels }, { provide: DATA_PANEL_MODULES, useValue: modules }, DataPanelsResolver] };
  }
}
