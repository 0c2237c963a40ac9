import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import csvConnector from '@pilote/module-csv-connector/server';
import { type InstanceConfigInput, isUserFacingError } from '@pilote/core';
import { testInstance } from '@pilote/core/testing';
import { buildLoadedModules, loadModules, resolverWith } from '@pilote/module-sdk/server';
import { resolveDataPanels } from '../src/data-panels/resolve-data-panels';
import { startTestKit, type TestKit } from '../src/testing';

const CSV = ['zone;date;valeur', 'D13;2023-01-31;62,08', 'D13;2023-02-28;66,67', 'D06;2023-01-31;40', 'FRANCE;2023-01-31;70,11'].join('\n');

const panel = (overrides: Record<string, unknown> = {}) => ({
  id: 'published',
  title: { fr: 'Valeurs publiées', en: 'Published values' },
  connector: 'csv-connector/file',
  settings: { source: 'data/panels/values.csv', columns: { zone: { type: 'territory' }, date: { type: 'time' }, valeur: { type: 'number', unit: '%' } } },
  visualisation: 'chart.line',
  source: 'Test file',
  ...overrides,
});

/** An instance folder with the panel's CSV in data/panels, and the API on it. */
async function startPanelKit(dataPanels: NonNullable<InstanceConfigInput['dataPanels']>, openDashboards = true): Promise<{ kit: TestKit; directory: string; close(): Promise<void> }> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'pilote-panels-'));
  mkdirSync(path.join(directory, 'data/panels'), { recursive: true });
  writeFileSync(path.join(directory, 'data/panels/values.csv'), CSV);
  const kit = await startTestKit({ instance: testInstance({ modules: [{ id: 'csv-connector' }], dataPanels }, directory), modules: [csvConnector], openDashboards });
  return { kit, directory, close: async () => { await kit.close(); rmSync(directory, { recursive: true, force: true }); } };
}

const FRAME_QUERY = `query($p: String!, $t: String) { dataPanelFrame(panelId: $p, territoryCode: $t) { panelId rows frame } }`;

describe('data panels: connector data for dashboard zones', () => {
  let directory: string;
  let kit: TestKit;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ kit, directory, close } = await startPanelKit([panel(), panel({ id: 'gone', settings: { source: 'data/panels/missing.csv' } })]));
  });
  afterAll(() => close?.());

  it('lists the panels with their zone (default: the territory page) and visualisation', async () => {
    const { data, errors } = await kit.graphql<{ dataPanels: { id: string; zone: string; visualisation: string; byTerritory: boolean }[] }>(`{ dataPanels { id zone visualisation byTerritory title source } }`);
    expect(errors).toBeUndefined();
    expect(data!.dataPanels.map((p) => [p.id, p.zone, p.visualisation, p.byTerritory])).toEqual([
      ['published', 'territory.main.after', 'chart.line', true],
      ['gone', 'territory.main.after', 'chart.line', true],
    ]);
  });

  it('reads only the rows of the territory shown, from the instance folder, as a typed frame', async () => {
    const { data, errors } = await kit.graphql<{ dataPanelFrame: { rows: number; frame: { fields: { name: string; type: string; unit?: string; values: unknown[] }[] } } }>(FRAME_QUERY, { p: 'published', t: 'D13' });
    expect(errors).toBeUndefined();
    expect(data!.dataPanelFrame.rows).toBe(2);
    const fields = Object.fromEntries(data!.dataPanelFrame.frame.fields.map((f) => [f.name, f]));
    expect(fields.zone).toMatchObject({ type: 'territory', values: ['D13', 'D13'] });
    expect(fields.date).toMatchObject({ type: 'time', values: ['2023-01-31', '2023-02-28'] });
    expect(fields.valeur).toMatchObject({ type: 'number', unit: '%', values: [62.08, 66.67] });
    const empty = await kit.graphql<{ dataPanelFrame: { rows: number } }>(FRAME_QUERY, { p: 'published', t: 'D29' });
    expect(empty.data!.dataPanelFrame.rows).toBe(0);
  });

  it('says what is wrong with a source without showing the server folders, and asks for the territory', async () => {
    const missing = await kit.graphql(FRAME_QUERY, { p: 'gone', t: 'D13' });
    expect(missing.errors?.[0].extensions?.code).toBe('DATA_SOURCE_UNAVAILABLE');
    expect(missing.errors?.[0].message).toContain('missing.csv');
    expect(missing.errors?.[0].message).not.toContain(directory);
    const noTerritory = await kit.graphql(FRAME_QUERY, { p: 'published' });
    expect(noTerritory.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'territoryCode' });
    const unknown = await kit.graphql(FRAME_QUERY, { p: 'nope', t: 'D13' });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('data panels: validated at boot', () => {
  const modules = loadModules([{ id: 'csv-connector' }], { kitVersion: '0.1.0', resolve: resolverWith([csvConnector]) });

  it('reports every bad panel at once, with its index, id and key', () => {
    const instance = testInstance({
      dataPanels: [panel({ connector: 'ghost/file' }), panel({ id: 'bad', settings: { format: 'pdf' } }), panel({ id: 'bad' })],
    });
    let error: unknown;
    try {
      resolveDataPanels(instance, modules);
    } catch (caught) {
      error = caught;
    }
    expect(isUserFacingError(error)).toBe(true);
    const text = (error as Error).message;
    expect(text).toContain('dataPanels[0] "published" → connector: no connector "ghost/file" among the enabled modules (available: csv-connector/file)');
    expect(text).toMatch(/dataPanels\[1\] "bad" → settings\.source: /);
    expect(text).toMatch(/dataPanels\[1\] "bad" → settings\.format: /);
    expect(text).toContain('dataPanels[2] "bad" → id: another panel has this id');
  });

  it('needs a connector module to be enabled', () => {
    expect(() => resolveDataPanels(testInstance({ dataPanels: [panel()] }), buildLoadedModules([]))).toThrow(/available: none — enable a connector module/);
  });
});

describe('data panels: rights', () => {
  let kit: TestKit;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ kit, close } = await startPanelKit([panel()], false));
  });
  afterAll(() => close?.());

  it('needs the right to read dashboards, like the numbers around the panel', async () => {
    const anonymous = await kit.graphql(FRAME_QUERY, { p: 'published', t: 'D13' });
    expect(anonymous.data ?? null).toBeNull();
    expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(anonymous.errors?.[0].extensions?.code);
  });
});
