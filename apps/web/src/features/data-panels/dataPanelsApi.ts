import type { DataFrame } from '@pilote/module-sdk/web';
import type { Localized } from '../../api/types';

export interface DataPanel {
  id: string;
  title: Localized;
  description: Localized | null;
  zone: string;
  visualisation: string;
  byTerritory: boolean;
  source: Localized | null;
}

export interface DataPanelFrame { panelId: string; frame: DataFrame; rows: number }

export const DATA_PANELS_QUERY = `query DataPanels { dataPanels { id title description zone visualisation byTerritory source } }`;

export const DATA_PANEL_FRAME_QUERY = `query DataPanelFrame($panelId: String!, $territoryCode: String) {
  dataPanelFrame(panelId: $panelId, territoryCode: $territoryCode) { panelId frame rows }
}`;
