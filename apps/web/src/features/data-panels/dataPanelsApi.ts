import type { DataFrame, FieldType } from '@pilote/module-sdk/web';
import type { DataPanelsQuery } from '../../api/generated/graphql';
import { isJsonObject, type Localized, localizedOrNull } from '../../api/types';
export { DataPanelFrameDocument as DATA_PANEL_FRAME_QUERY, DataPanelsDocument as DATA_PANELS_QUERY } from '../../api/generated/graphql';

/** A data panel with its JSON labels (title, description, source) checked: a label per locale or one text. */
export type DataPanel = Omit<DataPanelsQuery['dataPanels'][number], 'title' | 'description' | 'source'> & { title: Localized; description: Localized | null; source: Localized | null };

/** The panel as the API sent it, its labels checked (a title that is not a label falls back to the panel's id). */
export function dataPanelOf(raw: DataPanelsQuery['dataPanels'][number]): DataPanel {
  return { ...raw, title: localizedOrNull(raw.title) ?? raw.id, description: localizedOrNull(raw.description), source: localizedOrNull(raw.source) };
}

const FIELD_TYPES: readonly string[] = ['number', 'string', 'time', 'territory'] satisfies FieldType[];
const isField = (value: unknown): value is DataFrame['fields'][number] =>
  isJsonObject(value) && typeof value.name === 'string' && typeof value.type === 'string' && FIELD_TYPES.includes(value.type) && Array.isArray(value.values);

/** The frame of a `dataPanelFrame` answer (JSON in the schema) when it has a DataFrame's shape, else null. */
export function dataFrameOf(value: unknown): DataFrame | null {
  if (!isJsonObject(value) || !Array.isArray(value.fields) || !value.fields.every(isField)) return null;
  const frame: DataFrame = { fields: value.fields, ...(typeof value.name === 'string' ? { name: value.name } : {}), ...(isJsonObject(value.meta) ? { meta: { ...(typeof value.meta.source === 'string' ? { source: value.meta.source } : {}), ...(typeof value.meta.territoryLevel === 'string' ? { territoryLevel: value.meta.territoryLevel } : {}) } } : {}) };
  return frame;
}
