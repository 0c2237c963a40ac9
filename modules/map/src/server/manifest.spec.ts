import { readKitVersion } from '@pilote/core';
import { validateModules } from '@pilote/module-sdk/server';
import manifest from './index';

describe('map manifest', () => {
  it('is valid for this kit, with its default settings', () => {
    const { modules, problems } = validateModules([{ id: 'map' }], { kitVersion: readKitVersion(), resolve: () => ({ found: true, manifest }) });
    expect(problems).toEqual([]);
    expect(modules[0].settings).toEqual({ geometryFolder: 'data/geometry', geometry: {} });
  });

  it('refuses settings that do not match its schema, naming the key', () => {
    const { problems } = validateModules([{ id: 'map', settings: { colour: 'red' } }], { kitVersion: readKitVersion(), resolve: () => ({ found: true, manifest }) });
    expect(problems.map((problem) => problem.path)).toEqual(['settings']);
  });

  it('takes per-level geometry settings and refuses a level id that is not upper case, naming it', () => {
    const resolve = () => ({ found: true as const, manifest });
    const ok = validateModules([{ id: 'map', settings: { geometry: { EPCI: { file: 'geo/epci.topojson', codeProperty: 'SIREN', object: 'EPCI' } } } }], { kitVersion: readKitVersion(), resolve });
    expect(ok.problems).toEqual([]);
    expect(ok.modules[0].settings).toEqual({ geometryFolder: 'data/geometry', geometry: { EPCI: { file: 'geo/epci.topojson', codeProperty: 'SIREN', object: 'EPCI' } } });
    const bad = validateModules([{ id: 'map', settings: { geometry: { epci: { file: 'x' } } } }], { kitVersion: readKitVersion(), resolve });
    expect(bad.problems.map((problem) => problem.path)).toEqual(['settings.geometry.epci']);
  });
});
