import { Inject, type OnModuleDestroy } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { Can } from '@pilote/auth';
import { isUserFacingError, KIT_CONTEXT, type KitContext, LIGHT_QUERY_COST } from '@pilote/core';
import { frameLength, type DataFrame } from '@pilote/module-sdk';
import type { LoadedModules } from '@pilote/module-sdk/server';
import { DataPanelError } from './data-panel-error';
import { DataPanelFrameType, DataPanelType } from './data-panel.types';
import { FrameCache } from './frame-cache';
import type { ResolvedDataPanel } from './resolve-data-panels';

export const DATA_PANELS = Symbol('DATA_PANELS');
export const DATA_PANEL_MODULES = Symbol('DATA_PANEL_MODULES');

/** Rows a panel may send to the browser; a visualisation is not a data export. */
const MAX_ROWS = 5000;

@Resolver(() => DataPanelType)
export class DataPanelsResolver implements OnModuleDestroy {
  private readonly cache = new FrameCache(60_000, 200);
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    @Inject(DATA_PANELS) private readonly panels: ResolvedDataPanel[],
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
    @Inject(DATA_PANEL_MODULES) modules: LoadedModules,
  ) {
    // A connector module's settings changed (on any replica: ModuleSettingsWatcher): its panels' frames are stale.
    for (const moduleId of new Set(panels.map((panel) => panel.moduleId))) {
      const panelIds = new Set(panels.filter((panel) => panel.moduleId === moduleId).map((panel) => panel.config.id));
      const live = modules.live(moduleId);
      if (live) this.unsubscribe.push(live.onChange(() => this.cache.drop((key) => panelIds.has(key.slice(0, key.indexOf('|'))))));
    }
  }

  onModuleDestroy(): void {
    for (const stop of this.unsubscribe) stop();
  }

  @Query(() => [DataPanelType], { description: 'The data panels of this instance (connector data drawn in dashboard zones).', complexity: LIGHT_QUERY_COST })
  @Can('read', 'Dashboard')
  dataPanels(): DataPanelType[] {
    return this.panels.map(({ config }) => ({
      id: config.id, title: config.title, description: config.description ?? null, zone: config.zone,
      visualisation: config.visualisation, byTerritory: config.byTerritory, source: config.source ?? null,
    }));
  }

  @Query(() => DataPanelFrameType, { description: "A panel's rows, for the territory on screen when the panel is by territory." })
  @Can('read', 'Dashboard', { territoryFrom: (args) => (typeof args.territoryCode === 'string' ? args.territoryCode : null) })
  async dataPanelFrame(
    @Args('panelId') panelId: string,
    @Args('territoryCode', { type: () => String, nullable: true }) territoryCode?: string | null,
  ): Promise<DataPanelFrameType> {
    const panel = this.panels.find((p) => p.config.id === panelId);
    if (!panel) throw new DataPanelError(`Unknown data panel "${panelId}".`, 'NOT_FOUND', 'panelId');
    if (panel.config.byTerritory && !territoryCode) {
      throw new DataPanelError(`The panel "${panelId}" shows one territory at a time: give territoryCode.`, 'BAD_USER_INPUT', 'territoryCode');
    }
    const key = `${panelId}|${panel.config.byTerritory ? territoryCode : ''}`;
    const frame = await this.cache.get(key, () => this.read(panel, territoryCode ?? null));
    return { panelId, frame, rows: frameLength(frame) };
  }

  private async read(panel: ResolvedDataPanel, territoryCode: string | null): Promise<DataFrame> {
    try {
      return await panel.connector.read(panel.settings, { territoryCodes: panel.config.byTerritory && territoryCode ? [territoryCode] : undefined, limit: MAX_ROWS });
    } catch (error) {
      // The reader sees what is wrong with the source, never the server's folders or a stack.
      const message = isUserFacingError(error) ? error.message.split(this.kit.instance.directory).join('<instance>') : 'The data source could not be read.';
      throw new DataPanelError(`Data panel "${panel.config.id}": ${message}`, 'DATA_SOURCE_UNAVAILABLE');
    }
  }
}
