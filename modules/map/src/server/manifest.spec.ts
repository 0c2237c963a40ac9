import { readKitVersion } from '@pilote/core';
import { validateModules } from '@pilote/module-sdk/server';
import manifest from './index';

describe('map manifest', () => {
  it('is valid for this kit, with its default settings', () => {
    const { modules, problems } = validateModules([{ id: 'map' }], { kitVersion: readKitVersion(), resolve: () => ({ found: true, manifest }) });
    expect(problems).toEqual([]);
    expect(modules[0].settings).toEqual({});
  });

  it('refuses settings that do not match its schema, naming the key', () => {
    const { problems } = validateModules([{ id: 'map', settings: { colour: 'red' } }], { kitVersion: readKitVersion(), resolve: () => ({ found: true, manifest }) });
    expect(problems.map((problem) => problem.path)).toEqual(['settings']);
  });
});
