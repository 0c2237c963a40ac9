import type { ZoneWidgetProps } from '@pilote/ui';
import type { ComponentType } from 'react';
import type { DataFrame, FrameShape } from '../common/data-frame';
import type { LocalizedName } from '../common/localized-name';
import type { ModuleManifest } from '../common/manifest.types';
import type { ZoneId } from '../common/zones';

export type { ZoneWidgetProps };

/** A page of the module, at an absolute path of the web app (`/help`, `/help/:slug`). */
export interface ModuleRoute {
  path: string;
  component: ComponentType;
}

/** A link in the top bar. `label` is a key of the module's i18n namespace, or a text per locale. */
export interface ModuleNavItem {
  id: string;
  to: string;
  label: string | LocalizedName;
  order?: number;
}

/** A component drawn in a zone of the shell; it receives the zone's context (territory, policy…). */
export interface ModuleWidget {
  /** Stable id, unique in the module. */
  id: string;
  zone: ZoneId;
  component: ComponentType<ZoneWidgetProps>;
  order?: number;
}

/** A panel of the admin settings page for this module (when the generated form is not enough). */
export interface ModuleSettingsPanel {
  id: string;
  title: LocalizedName;
  component: ComponentType<{ moduleId: string }>;
}

export interface VisualisationProps {
  frame: DataFrame;
  /** Accessible title of the figure. */
  title: string;
  height?: number;
  /** When given, a visualisation that draws territories lets the user pick one (click, or a button in its table). */
  onSelect?: (territoryCode: string) => void;
}

/** Draws any DataFrame of the shape it accepts; knows nothing of where the data comes from. */
export interface Visualisation {
  /** Stable id, unique across modules (`chart.line`, `map.choropleth`). */
  id: string;
  displayName: LocalizedName;
  accepts: FrameShape;
  component: ComponentType<VisualisationProps>;
}

/** The web part of a manifest (entry `./web`). */
export interface WebPart {
  routes?: ModuleRoute[];
  navItems?: ModuleNavItem[];
  widgets?: ModuleWidget[];
  settingsPanels?: ModuleSettingsPanel[];
  visualisations?: Visualisation[];
}

export type WebModuleManifest<Settings = unknown> = ModuleManifest<Settings, unknown, WebPart>;
