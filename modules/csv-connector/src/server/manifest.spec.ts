import { readKitVersion } from '@pilote/core';
import { validateModules } from '@pilote/module-sdk/server';
import manifest from './index';

describe('csv-connector manifest', () => {
  it('is valid for this kit, with its default settings', () => {
    const { modules, problems } = validateModules([{ id: 'csv-connector' }], { kitVersion: readKitVersion(), resolve: () => ({ found: true, manifest }) });
    expect(problems).toEqual([]);
    expect(modules[0].settings).toEqual({ maxBytes: 20 * 1024 * 1024, timeoutSeconds: 30 });
  });

  it('refuses settings that do not match its schema, naming the key', () => {
    const { problems } = validateModules([{ id: 'csv-connector', settings: { maxBytes: 'big' } }], { kitVersion: readKitVersion(), resolve: () => ({ found: true, manifest }) });
    expect(problems.map((problem) => problem.path)).toEqual(['settings.maxBytes']);
  });
});
