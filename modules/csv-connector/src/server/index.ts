import { defineModule, type ServerPart } from '@pilote/module-sdk/server';
import { type CsvConnectorSettings, manifest } from '../common/manifest';
import { settingsSchema } from '../common/settings.schema';
import { createCsvConnector } from './csv.connector';
import { createCsvSource } from './csv.source';

/** One connector, `file`, limited by the instance's settings; found with `loadedModules.connector('csv-connector/file')`. */
const server: ServerPart<CsvConnectorSettings> = {
  connectors: ({ settings }) => [createCsvConnector(settings)],
  // The same file as a source for bindings (`pilote sync`): records keyed by the header.
  sources: (settings) => [createCsvSource(settings)],
};

export default defineModule({ ...manifest, settingsSchema, server });
export { createCsvConnector, csvConnector } from './csv.connector';
export { createCsvSource } from './csv.source';
export { csvSourceSchema, type CsvSourceInput } from './csv-source.schema';
export { parseDate, parseNumber, rowsToFrame } from './rows-to-frame';
