import { defineModule, type ServerPart } from '@pilote/module-sdk/server';
import { manifest } from '../common/manifest';
import { csvSource } from './csv.source';
import { datagouvSource } from './datagouv.source';
import { gristSource } from './grist.source';
import { jsonSource } from './json.source';

/** Four source connectors, found by bindings as `http-connector/<id>`. */
const server: ServerPart = {
  sources: [jsonSource, csvSource, datagouvSource, gristSource],
};

export default defineModule({ ...manifest, server });
export { csvSource, datagouvSource, gristSource, jsonSource };
export { jsonSettingsSchema, recordsAt, type JsonSettings } from './json.source';
export { datagouvSettingsSchema, DATAGOUV_TABULAR_API, type DatagouvSettings } from './datagouv.source';
export { gristSettingsSchema, type GristSettings } from './grist.source';
export { csvSettingsSchema, type CsvSettings } from './csv.source';
