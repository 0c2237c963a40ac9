import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/** `pilote create-module` outside the kit's repository (issue 13): a package on the published SDK only. */
describe('pilote create-module outside the repository', () => {
  let outside: string;
  beforeAll(() => (outside = mkdtempSync(path.join(tmpdir(), 'pilote-module-'))));
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  it('makes a standalone package whose build and test pass there', () => {
    const created = spawnSync(process.execPath, ['-r', path.join(root, 'tools/register-ts.cjs'), path.join(root, 'apps/cli/src/main.ts'), 'create-module', 'weather-demo'], { cwd: outside, encoding: 'utf8' });
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Created weather-demo (');
    const dir = path.join(outside, 'weather-demo');
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> };
    expect(Object.keys(pkg.dependencies).filter((name) => name.startsWith('@pilote/'))).toEqual(['@pilote/module-sdk']);
    expect(pkg.scripts.test).toBe('pilote-module build && node --test test/');
    expect(existsSync(path.join(dir, 'project.json'))).toBe(false);
    // What `npm install` would give it, from this repository's packages (the registry test installs the published ones).
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const build = spawnSync(process.execPath, [path.join(root, 'libs/module-sdk/bin/pilote-module.cjs'), 'build'], { cwd: dir, encoding: 'utf8' });
    expect(build.status).toBe(0);
    expect(build.stdout).toMatch(/dist\/web\/index\.js\s+\d+\.\d kB/);
    const test = spawnSync(process.execPath, ['--test', 'test/'], { cwd: dir, encoding: 'utf8' });
    expect(test.stdout).toContain('# pass 3');
    expect(test.status).toBe(0);
  }, 120_000);

  it('publishes under the author\'s own scope with --package, and its README tells the instance to name it', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, ['-r', path.join(root, 'tools/register-ts.cjs'), path.join(root, 'apps/cli/src/main.ts'), 'create-module', ...args], { cwd: outside, encoding: 'utf8' });
    const created = cli('budget-chart', '--package', '@acme/pilote-module-budget-chart');
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain("add { id: 'budget-chart', package: '@acme/pilote-module-budget-chart' }");
    const dir = path.join(outside, 'budget-chart');
    expect((JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string }).name).toBe('@acme/pilote-module-budget-chart');
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toContain("modules: [{ id: 'budget-chart', package: '@acme/pilote-module-budget-chart', settings: { greeting: 'Salut' } }],");
    const refused = cli('other-chart', '--package', 'Not A Name');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('"Not A Name" is not an npm package name');
    expect(existsSync(path.join(outside, 'other-chart'))).toBe(false);
  }, 60_000);
});
