import { z } from 'zod';
import type { Connector, LiveSettings, ServerModuleManifest } from '../server/server-part.types';
import { LiveSettingsCell } from './live-settings';
import { buildLoadedModules } from './loaded-modules';

type Settings = { prefix: string };
const settingsSchema = z.object({ prefix: z.string().default('a') });

function connectorFor(settings: Settings): Connector {
  return {
    id: 'echo',
    displayName: { fr: 'Écho', en: 'Echo' },
    settingsSchema: z.unknown(),
    read: (given) => Promise.resolve({ fields: [{ name: 'value', type: 'string', values: [`${settings.prefix}:${String(given)}`] }] }),
  };
}

describe('live module settings', () => {
  it('replaces the value, runs the listeners once per real change, and reports what a listener threw', async () => {
    const cell = new LiveSettingsCell<Settings>({ prefix: 'a' });
    const seen: string[] = [];
    const stop = cell.onChange((now, before) => void seen.push(`${before.prefix}→${now.prefix}`));
    cell.onChange(() => {
      throw new Error('listener failed');
    });
    expect(await cell.set({ prefix: 'a' })).toEqual({ changed: false, errors: [] });
    const changed = await cell.set({ prefix: 'b' });
    expect(changed.changed).toBe(true);
    expect(changed.errors).toEqual([new Error('listener failed')]);
    expect([cell.current(), cell.generation, seen]).toEqual([{ prefix: 'b' }, 1, ['a→b']]);
    stop();
    await cell.set({ prefix: 'c' });
    expect(seen).toEqual(['a→b']);
  });

  it('gives server parts live settings and rebuilds factory connectors when the settings change, under the same connector object', async () => {
    let live: LiveSettings<Settings> | undefined;
    const manifest = {
      id: 'echo',
      version: '1.0.0',
      kitRange: '^0.1.0',
      displayName: { fr: 'Écho', en: 'Echo' },
      settingsSchema,
      server: {
        nestModule: (context: { live: LiveSettings<Settings> }) => ((live = context.live), { module: class Echo {} }),
        connectors: ({ settings }: { settings: Settings }) => [connectorFor(settings)],
      },
    } as unknown as ServerModuleManifest;
    const loaded = buildLoadedModules([{ id: 'echo', version: '1.0.0', displayName: { fr: 'Écho', en: 'Echo' }, manifest, configSettings: {}, settings: { prefix: 'a' } }]);
    const connector = loaded.connector('echo/echo');
    const read = async () => (await connector!.read('x')).fields[0].values[0];
    expect(await read()).toBe('a:x');
    expect(await loaded.applySettings('echo', { prefix: 'b' })).toEqual({ changed: true, errors: [] });
    expect(await read()).toBe('b:x');
    expect(loaded.connector('echo/echo')).toBe(connector);
    expect(live?.current()).toEqual({ prefix: 'b' });
    expect(loaded.live('echo')).toBe(live);
    expect(await loaded.applySettings('missing', { prefix: 'c' })).toEqual({ changed: false, errors: [] });
  });
});
