import { z } from 'zod';
import { localizedTextSchema } from './localized-text';

/**
 * A data panel: what a connector reads, drawn by a visualisation in a zone of the dashboard
 * (Grafana's panel: data source + visualisation). Connector and visualisation come from modules;
 * the instance only wires them, e.g. a CSV from its data folder drawn as a line chart on each
 * territory page.
 */
export const dataPanelSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a panel id is lower-case letters, digits and dashes'),
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
  /** `<module id>/<connector id>`, e.g. `csv-connector/file`. */
  connector: z.string().regex(/^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/, 'a connector is "<module id>/<connector id>", e.g. csv-connector/file'),
  /** Given to the connector, validated by its schema at boot; a relative `source` path is read from the instance folder. */
  settings: z.record(z.string(), z.unknown()).default({}),
  /** A visualisation id registered by a module's web part (`chart.line`, `map.choropleth`). */
  visualisation: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/, 'a visualisation id is "<module>.<name>", e.g. chart.line'),
  /** Where the panel is drawn; territory and home zones pass the territory shown to the connector. */
  zone: z.enum(['home.main.after', 'home.aside', 'territory.rates.after', 'territory.main.after', 'policy.aside', 'policy.indicators.after']).default('territory.main.after'),
  /** Only the rows of the territory shown (the connector's `territoryCodes` filter). */
  byTerritory: z.boolean().default(true),
  /** Where the data come from, shown under the panel (producer, licence, date). */
  source: localizedTextSchema.optional(),
});

export type DataPanelConfig = z.output<typeof dataPanelSchema>;
