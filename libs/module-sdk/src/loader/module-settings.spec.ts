import { z } from 'zod';
import type { ServerModuleManifest } from '../server/server-part.types';
import { validateModules } from './load-modules';
import { buildLoadedModules } from './loaded-modules';
import { resolverWith } from './resolve-module-package';
import { overridesFrom, pickPublicSettings, resolveSettings, settingsKeys } from './module-settings';
import { withSettingsOverrides } from './settings-overrides';

const settingsSchema = z.object({ greeting: z.string().min(1).default('Bonjour'), limit: z.number().int().min(1).max(10).default(3), secret: z.string().optional() });
const manifest = { id: 'demo', version: '1.0.0', kitRange: '^0.1.0', displayName: { fr: 'Démo', en: 'Demo' }, settingsSchema, publicSettings: ['greeting', 'limit'] } as ServerModuleManifest;
const keys = settingsKeys(settingsSchema);

describe('module settings: instance file + stored overrides', () => {
  it('puts overrides on top of the instance file, key by key, defaults applied', () => {
    expect(resolveSettings(manifest, { greeting: 'Salut' }, { limit: 7 })).toEqual({ ok: true, value: { greeting: 'Salut', limit: 7 } });
    expect(resolveSettings(manifest, { greeting: 'Salut' })).toEqual({ ok: true, value: { greeting: 'Salut', limit: 3 } });
  });

  it('stores only the keys that differ from the instance file', () => {
    const result = overridesFrom(manifest, { greeting: 'Salut' }, { greeting: 'Salut', limit: 3, secret: 'x' }, keys);
    expect(result).toEqual({ ok: true, overrides: { secret: 'x' }, value: { greeting: 'Salut', limit: 3, secret: 'x' } });
  });

  it('returns every problem with its path, unknown keys included', () => {
    const result = overridesFrom(manifest, {}, { greeting: '', limit: 11, colour: 'red' }, keys);
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    expect(issues.map((issue) => issue.path)).toEqual(['colour', 'greeting', 'limit']);
    expect(issues[0].message).toBe('this module has no setting "colour"');
  });

  it('gives the browser only the public keys', () => {
    expect(pickPublicSettings(manifest, { greeting: 'Salut', limit: 3, secret: 'x' })).toEqual({ greeting: 'Salut', limit: 3 });
  });

  it('rebuilds server parts with stored overrides at start, ignoring (and reporting) an override that no longer fits', () => {
    const built: unknown[] = [];
    const withFactory = { ...manifest, server: { nestModule: ({ settings }: { settings: unknown }) => (built.push(settings), { module: class Demo {} }) } } as ServerModuleManifest;
    const loaded = buildLoadedModules([{ id: 'demo', version: '1.0.0', displayName: manifest.displayName as never, manifest: withFactory, configSettings: { greeting: 'Salut' }, settings: { greeting: 'Salut', limit: 3 } }]);
    const applied = withSettingsOverrides(loaded, new Map([['demo', { limit: 5 }]]));
    expect(applied.ignored).toEqual([]);
    expect(applied.modules.modules[0].settings).toEqual({ greeting: 'Salut', limit: 5 });
    expect(built.at(-1)).toEqual({ greeting: 'Salut', limit: 5 });
    const stale = withSettingsOverrides(loaded, new Map([['demo', { limit: 50 }]]));
    expect(stale.modules.modules[0].settings).toEqual({ greeting: 'Salut', limit: 3 });
    expect(stale.ignored).toEqual([{ moduleId: 'demo', issues: [expect.objectContaining({ path: 'limit' })] }]);
  });

  it('refuses at start a public key the schema does not have, and keeps the file settings apart from the effective ones', () => {
    const typo = { ...manifest, publicSettings: ['greeting', 'limitt'] } as ServerModuleManifest;
    const bad = validateModules([{ id: 'demo' }], { kitVersion: '0.1.0', resolve: resolverWith([typo]) });
    expect(bad.problems).toEqual([expect.objectContaining({ moduleId: 'demo', path: 'manifest.publicSettings.1', message: '"limitt" is not a key of the settings schema' })]);
    const good = validateModules([{ id: 'demo', settings: { greeting: 'Salut' } }], { kitVersion: '0.1.0', resolve: resolverWith([manifest]) });
    expect(good.problems).toEqual([]);
    expect(good.modules[0]).toMatchObject({ configSettings: { greeting: 'Salut' }, settings: { greeting: 'Salut', limit: 3 } });
  });
});
