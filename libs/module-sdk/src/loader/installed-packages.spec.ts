import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadModules } from './load-modules';
import { formatModuleProblem } from './module-problem';
import { moduleResolverFrom } from './resolve-module-package';

/** An installed package (`@pilote/module-<id>` unless named) whose ./server entry exports `manifest` (CommonJS, as built). */
function installModule(folder: string, id: string, manifest: Record<string, unknown> | string, name = `@pilote/module-${id}`) {
  const dir = path.join(folder, 'node_modules', ...name.split('/'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', exports: { './server': './server.js', './package.json': './package.json' } }));
  writeFileSync(path.join(dir, 'server.js'), typeof manifest === 'string' ? manifest : `module.exports = { default: ${JSON.stringify(manifest)} };`);
}

const valid = (id: string, extra: Record<string, unknown> = {}) => ({ id, version: '1.0.0', kitRange: '^0.1.0', displayName: { fr: id, en: id }, ...extra });

describe('installed module packages that cannot run (issue 13, bad input)', () => {
  let instance: string;

  beforeAll(() => {
    instance = mkdtempSync(path.join(tmpdir(), 'pilote-modules-'));
    installModule(instance, 'good', valid('good'));
    installModule(instance, 'broken', valid('broken', { version: 'latest' }));
    installModule(instance, 'old', valid('old', { kitRange: '^9.0.0' }));
    installModule(instance, 'needs-old', valid('needs-old', { dependsOn: ['old'] }));
    installModule(instance, 'throws', `throw new Error('cannot read settings.json');`);
    installModule(instance, 'weather', valid('weather'), '@acme/pilote-module-weather');
  });
  afterAll(() => rmSync(instance, { recursive: true, force: true }));

  it('starts with the modules that work and names each package that does not, with what to do', () => {
    const loaded = loadModules(
      ['broken', 'good', 'old', 'absent', 'needs-old', 'throws'].map((id) => ({ id })),
      { kitVersion: '0.1.0', resolve: moduleResolverFrom([instance]) },
    );
    expect(loaded.modules.map((module) => module.id)).toEqual(['good']);
    const lines = loaded.skipped.map(formatModuleProblem);
    expect(lines).toEqual([
      'modules[0] "broken" → manifest.version: @pilote/module-broken: expected a semantic version such as "1.2.0"; ask the authors of @pilote/module-broken for a fixed version, or remove { id: \'broken\' } from modules; the instance starts without it',
      'modules[2] "old" → manifest.kitRange: @pilote/module-old: requires kit ^9.0.0, this kit is 0.1.0; install a version of @pilote/module-old made for this kit (npm install @pilote/module-old@<version>), or upgrade the kit; the instance starts without it',
      expect.stringMatching(/^modules\[3\] "absent": package @pilote\/module-absent is not installed .*: run npm install @pilote\/module-absent in the instance folder, or remove \{ id: 'absent' \} from modules .*the instance starts without it$/),
      'modules[4] "needs-old" → manifest.dependsOn: depends on "old", which could not be loaded (see above); the instance starts without it',
      expect.stringMatching(/^modules\[5\] "throws": package @pilote\/module-throws failed to load \(cannot read settings\.json\): reinstall it/),
    ]);
  });

  it('finds a module in the package the instance names (a third party\'s own scope), and says which package it looked for', () => {
    const named = loadModules([{ id: 'weather', package: '@acme/pilote-module-weather' }], { kitVersion: '0.1.0', resolve: moduleResolverFrom([instance]) });
    expect(named.modules.map((module) => module.id)).toEqual(['weather']);
    const unnamed = loadModules([{ id: 'weather' }], { kitVersion: '0.1.0', resolve: moduleResolverFrom([instance]) });
    expect(unnamed.modules).toEqual([]);
    expect(unnamed.skipped.map(formatModuleProblem)).toEqual([expect.stringMatching(/^modules\[0\] "weather": package @pilote\/module-weather is not installed/)]);
  });

  it('still refuses the instance file\'s own mistakes (settings), listing them all', () => {
    expect(() => loadModules([{ id: 'good', settings: { colour: 'red' } }, { id: 'absent' }], { kitVersion: '0.1.0', resolve: moduleResolverFrom([instance]) })).toThrow(/modules\[0\] "good" → settings\.colour/);
  });
});
