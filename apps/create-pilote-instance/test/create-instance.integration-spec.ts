import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadInstanceConfig } from '@pilote/core';
import { scaffoldInstance } from '../src';

const root = path.resolve(__dirname, '../../..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('create-pilote-instance', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'pilote-instance-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('writes a thin instance whose configuration is valid', () => {
    const dir = path.join(work, 'Ma Région');
    const files = scaffoldInstance(dir, { name: "Tableau de bord de l'État" });
    expect(files).toEqual(expect.arrayContaining(['pilote.config.ts', 'theme/tokens.json', 'data/referential/policies.yaml', 'help/bienvenue.md', '.env.example', 'README.md']));
    const loaded = loadInstanceConfig(dir, {});
    expect(loaded.config.id).toBe('ma-r-gion');
    expect(loaded.config.modules.map((module) => module.id)).toEqual(['help-centre']);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toContain('npm start -- --instance');
    expect(() => scaffoldInstance(dir)).toThrow(/already exists and is not empty/);
  });

  it('starts with the kit (npm start -- --instance <dir>) and serves its data, help and branding', async () => {
    const dir = path.join(work, 'prefecture');
    scaffoldInstance(dir, { name: 'Préfecture test' });
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', path.join(root, 'tools/register-ts.cjs'), path.join(root, 'apps/cli/src/main.ts'), 'start', '--instance', dir], {
      cwd: root,
      env: { ...process.env, PORT: String(port), DATABASE_URL: '', PILOTE_INSTANCE: '' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const url = `http://localhost:${port}`;
      for (let i = 0; i < 120 && !output.includes('is ready at'); i += 1) {
        if (child.exitCode !== null) throw new Error(`the kit exited:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      expect(output).toContain('prefecture is ready at');
      const graphql = async (query: string) => ((await (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()) as { data: Record<string, never> });
      const { data } = await graphql(`{ instance { name modules { id } } helpArticles { slug } }`);
      expect(data.instance).toEqual({ name: { fr: 'Préfecture test', en: 'Préfecture test' }, modules: [{ id: 'help-centre' }] });
      expect(data.helpArticles).toEqual([{ slug: 'bienvenue' }]);
      const logo = await fetch(`${url}/instance-assets/logo.svg`);
      expect(logo.status).toBe(200);
      expect(await logo.text()).toContain('<svg');
      expect((await fetch(`${url}/instance-assets/../pilote.config.ts`)).status).toBe(404);
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }, 180_000);
});
