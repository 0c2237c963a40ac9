import path from 'node:path';
import { type DataPanelConfig, type LoadedInstanceConfig, UserFacingError } from '@pilote/core';
import type { Connector, LoadedModules } from '@pilote/module-sdk/server';

/** A panel of the instance with its connector found and its settings validated. */
export interface ResolvedDataPanel {
  config: DataPanelConfig;
  connector: Connector;
  /** The module offering the connector: a change of its settings makes the panel's frames stale. */
  moduleId: string;
  /** The connector's parsed settings (a relative `source` made absolute from the instance folder). */
  settings: unknown;
}

const isUrl = (value: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(value);

/** Relative file paths in a panel are the instance's files, wherever the kit was started from. */
function anchorSource(settings: Record<string, unknown>, instanceDirectory: string): Record<string, unknown> {
  const source = settings.source;
  if (typeof source !== 'string' || isUrl(source) || path.isAbsolute(source)) return settings;
  return { ...settings, source: path.join(instanceDirectory, source) };
}

/**
 * Finds each panel's connector among the enabled modules and validates its settings with the
 * connector's schema. Every problem is reported at once, with the panel and the key, before the
 * server starts.
 */
export function resolveDataPanels(instance: LoadedInstanceConfig, modules: LoadedModules): ResolvedDataPanel[] {
  const problems: string[] = [];
  const resolved: ResolvedDataPanel[] = [];
  const seen = new Set<string>();
  instance.config.dataPanels.forEach((panel, index) => {
    const where = `dataPanels[${index}] "${panel.id}"`;
    if (seen.has(panel.id)) problems.push(`${where} → id: another panel has this id`);
    seen.add(panel.id);
    const connector = modules.connector(panel.connector);
    const moduleId = modules.connectors.find((entry) => entry.connector === connector)?.moduleId;
    if (!connector || !moduleId) {
      const available = modules.connectors.map((entry) => `${entry.moduleId}/${entry.connector.id}`);
      problems.push(`${where} → connector: no connector "${panel.connector}" among the enabled modules (available: ${available.join(', ') || 'none — enable a connector module such as csv-connector'})`);
      return;
    }
    const parsed = connector.settingsSchema.safeParse(anchorSource(panel.settings, instance.directory));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${where} → settings${issue.path.length ? `.${issue.path.map(String).join('.')}` : ''}: ${issue.message}`);
      return;
    }
    resolved.push({ config: panel, connector, moduleId, settings: parsed.data });
  });
  if (problems.length > 0) {
    throw new UserFacingError(
      `The data panels of ${path.relative(process.cwd(), instance.file) || instance.file} are not valid:\n  - ${problems.join('\n  - ')}`,
      'Fix these keys of dataPanels (see docs/operating/configuration.md#data-panels), then start again.',
      'INVALID_DATA_PANELS',
    );
  }
  return resolved;
}
