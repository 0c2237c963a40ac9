import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runCli } from './run-cli';

const root = path.resolve(__dirname, '../../..');
const name = `zz-generated-${process.pid}`;
const target = path.join(root, 'modules', name);

describe('pilote create-module', () => {
  afterAll(() => rmSync(target, { recursive: true, force: true }));

  it('generates a module whose own test passes', async () => {
    const result = await runCli(['create-module', name]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Created modules/${name}`);
    for (const file of ['package.json', 'README.md', 'src/common/manifest.ts', 'src/server/index.ts', 'src/web/index.ts', 'src/server/manifest.spec.ts']) {
      expect(existsSync(path.join(target, file))).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(path.join(target, 'package.json'), 'utf8')) as { name: string; exports: Record<string, unknown> };
    expect(pkg.name).toBe(`@pilote/module-${name}`);
    expect(Object.keys(pkg.exports)).toEqual(expect.arrayContaining(['.', './common', './server', './web']));
    expect(readFileSync(path.join(target, 'README.md'), 'utf8')).toContain(`| id | \`${name}\` |`);

    const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--ci', `modules/${name}/`], { cwd: root, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } });
    expect(jest.stderr).toMatch(/Tests:\s+2 passed, 2 total/);
    expect(jest.status).toBe(0);
  }, 120_000);

  it('refuses a bad name and an existing module, saying why', async () => {
    const bad = await runCli(['create-module', 'Budget_Chart']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"Budget_Chart" is not a valid module name');
    expect(bad.stderr).toContain('lower-case letters, digits and single dashes');
    const existing = await runCli(['create-module', 'help-centre']);
    expect(existing.code).toBe(1);
    expect(existing.stderr).toContain('modules/help-centre already exists');
    expect(existing.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
