import { defineModule, type ServerPart } from '@pilote/module-sdk/server';
import { type CsvConnectorSettings, manifest } from '../common/manifest';
import { settingsSchema } from '../common/settings.schema';
import { createCsvConnector } from './csv.connector';

/** One connector, `file`, limited by the instance's settings; found with `loadedModules.connector('csv-connector/file')`. */
const server: ServerPart<CsvConnectorSettings> = {
  connectors: ({ settings }) => [createCsvConnector(settings)],
};

export default defineModule({ ...manifest, settingsSchema, server });
export { createCsvConnector, csvConnector } from './csv.connector';
export { csvSourceSchema, type CsvSourceInput } from './csv-source.schema';
export { parseDate, parseNumber, rowsToFrame } from './rows-to-frame';
