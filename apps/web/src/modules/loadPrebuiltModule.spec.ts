import { SHARED_SCOPE_GLOBAL, type WebModuleManifest } from '@pilote/module-sdk/web';
import { loadEnabledModules } from './ModuleHost';
import { loadPrebuiltModule } from './loadPrebuiltModule';

const manifest = (id: string) => ({ id, version: '1.0.0', kitRange: '^0.1.0', displayName: { fr: id, en: id }, web: {} }) as WebModuleManifest;

describe('pre-built module web parts (ADR 029)', () => {
  it('shares the kit\'s React and MUI before importing the part, and returns its manifest', async () => {
    const seen: unknown[] = [];
    const loaded = await loadPrebuiltModule({ id: 'weather', url: '/module-web/weather/abc.js' }, async (url) => {
      seen.push(url, ((globalThis as unknown as Record<string, Record<string, { useState?: unknown }>>)[SHARED_SCOPE_GLOBAL]?.react)?.useState);
      return { default: manifest('weather') };
    });
    expect(loaded.default.id).toBe('weather');
    expect(seen[0]).toBe('/module-web/weather/abc.js');
    expect(seen[1]).toBe((await import('react')).useState);
  });

  it('names the module, its package and what to do when the part cannot be fetched or throws', async () => {
    const failing = loadPrebuiltModule({ id: 'weather', url: '/module-web/weather/abc.js' }, () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    await expect(failing).rejects.toThrow(/^The web part of module "weather" \(package @pilote\/module-weather\) failed to load from \/module-web\/weather\/abc\.js: Failed to fetch dynamically imported module\. Rebuild it \(npm run build in the module\)/);
  });

  it('names the package the instance configured for the module (a third party\'s own scope)', async () => {
    const failing = loadPrebuiltModule({ id: 'weather', url: '/module-web/weather/abc.js', packageName: '@acme/pilote-module-weather' }, () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(failing).rejects.toThrow(/^The web part of module "weather" \(package @acme\/pilote-module-weather\) failed to load/);
  });

  it('refuses a part that does not export its own manifest', async () => {
    await expect(loadPrebuiltModule({ id: 'weather', url: '/x.js' }, async () => ({ default: manifest('other') }))).rejects.toThrow(/does not export its manifest as default \(found id "other"\)/);
  });

  it('loads the other modules when one fails, and logs the failing one by name', async () => {
    const errors: unknown[][] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args));
    try {
      const loaded = await loadEnabledModules(
        [{ id: 'built-in' }, { id: 'missing-part', webEntry: '/module-web/missing-part/0.js' }, { id: 'server-only', webEntry: null }],
        { 'built-in': async () => ({ default: manifest('built-in') }) },
      );
      expect(loaded.map((module) => module.id)).toEqual(['built-in']);
      expect(errors).toHaveLength(1);
      expect(errors[0][0]).toMatch(/^The web part of module "missing-part" \(package @pilote\/module-missing-part\) failed to load/);
    } finally {
      spy.mockRestore();
    }
  });
});
