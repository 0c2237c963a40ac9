import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testInstance } from '@pilote/core/testing';
import { startTestKit, type TestKit } from '../src/testing';

/** A module package installed in the instance folder, as `npm install` leaves it (ADR 026). */
function installModule(instance: string, id: string, manifest: Record<string, unknown>, webPart?: string, name = `@pilote/module-${id}`) {
  const dir = path.join(instance, 'node_modules', ...name.split('/'));
  mkdirSync(path.join(dir, 'dist', 'web'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', exports: { './server': './server.js', './package.json': './package.json' } }));
  writeFileSync(path.join(dir, 'server.js'), `module.exports = { default: ${JSON.stringify(manifest)} };`);
  if (webPart) writeFileSync(path.join(dir, 'dist', 'web', 'index.js'), webPart);
}

const manifest = (id: string, extra: Record<string, unknown> = {}) => ({ id, version: '1.0.0', kitRange: '>=0.1.0', displayName: { fr: id, en: id }, ...extra });
const WEB_PART = `export default { id: 'weather-demo', web: { widgets: [] } };\n`;

describe('pre-built module web parts served from installed packages (issue 13)', () => {
  let instance: string;
  let kit: TestKit;
  const warnings: string[] = [];

  beforeAll(async () => {
    instance = mkdtempSync(path.join(tmpdir(), 'pilote-web-parts-'));
    installModule(instance, 'weather-demo', manifest('weather-demo'), WEB_PART);
    installModule(instance, 'broken-demo', manifest('broken-demo', { version: 'latest' }), WEB_PART);
    installModule(instance, 'acme-demo', manifest('acme-demo'), WEB_PART.replace('weather-demo', 'acme-demo'), '@acme/pilote-module-acme-demo');
    jest.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line));
    kit = await startTestKit({ instance: testInstance({ modules: [{ id: 'broken-demo' }, { id: 'weather-demo' }, { id: 'absent-demo' }, { id: 'acme-demo', package: '@acme/pilote-module-acme-demo' }] } as never, instance) });
  });
  afterAll(async () => {
    await kit?.close();
    jest.restoreAllMocks();
    rmSync(instance, { recursive: true, force: true });
  });

  it('starts without the packages that cannot run, naming each one and what to do', () => {
    expect(warnings).toEqual([
      expect.stringMatching(/^Module left out: modules\[0\] "broken-demo" → manifest\.version: @pilote\/module-broken-demo: expected a semantic version.*the instance starts without it$/),
      expect.stringMatching(/^Module left out: modules\[2\] "absent-demo": package @pilote\/module-absent-demo is not installed.*run npm install @pilote\/module-absent-demo in the instance folder/),
    ]);
  });

  it('gives the URL of each enabled web part, with its content hash, in instance.modules', async () => {
    const { data, errors } = await kit.graphql<{ instance: { modules: { id: string; webEntry: string | null; webPackage: string | null }[] } }>('{ instance { modules { id webEntry webPackage } } }');
    expect(errors).toBeUndefined();
    expect(data!.instance.modules).toEqual([
      { id: 'weather-demo', webEntry: expect.stringMatching(/^\/module-web\/weather-demo\/[0-9a-f]{16}\.js$/), webPackage: '@pilote/module-weather-demo' },
      // A third party's package under its own scope, named in pilote.config.ts.
      { id: 'acme-demo', webEntry: expect.stringMatching(/^\/module-web\/acme-demo\/[0-9a-f]{16}\.js$/), webPackage: '@acme/pilote-module-acme-demo' },
    ]);
  });

  it('serves the web part as JavaScript, cached for a year under its hash and revalidated under another', async () => {
    const { data } = await kit.graphql<{ instance: { modules: { webEntry: string }[] } }>('{ instance { modules { webEntry } } }');
    const current = await fetch(`${kit.url}${data!.instance.modules[0].webEntry}`);
    expect(current.status).toBe(200);
    expect(current.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(current.headers.get('cache-control')).toContain('immutable');
    expect(await current.text()).toBe(WEB_PART);
    const stale = await fetch(`${kit.url}/module-web/weather-demo/0000000000000000.js`);
    expect(stale.status).toBe(200);
    expect(stale.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 404 with what to do for a module the instance does not run', async () => {
    for (const id of ['broken-demo', 'absent-demo', 'chart']) {
      const answer = await fetch(`${kit.url}/module-web/${id}/0000000000000000.js`);
      expect(answer.status).toBe(404);
      expect(JSON.stringify(await answer.json())).toContain(`Module \\"${id}\\" has no pre-built web part in this instance`);
    }
  });
});
