import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type DocumentedCommand, extractCommands } from './extract-commands';

// Every command README.md, docs/ and the packages' READMEs show is run here from the installed tree
// (node_modules/.bin, as `npx` finds it), so a new page is covered without editing this file.
// Commands that write outside a temporary folder, or keep running, are checked with --help.
const root = path.resolve(__dirname, '../..');
const commands = extractCommands(root);
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function run(file: string, args: string[], cwd = root, extraEnv: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(file, args, {
    cwd, encoding: 'utf8', timeout: 240_000,
    env: { ...process.env, DATABASE_URL: '', PILOTE_INSTANCE: '', NODE_ENV: '', ...extraEnv },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const unique = <T>(values: T[]) => [...new Set(values)];
const piloteCommands = commands.filter((command) => command.tool === 'pilote');
const npmScripts = unique(
  commands.filter((command) => command.tool === 'npm' && !['ci', 'install'].includes(command.args[0])).map((command) => (command.args[0] === 'run' ? command.args[1] : command.args[0])),
);

/** `[--status]` → `--status`; `<dir>` and friends are replaced by `placeholders`. */
function concrete(command: DocumentedCommand, placeholders: Record<string, string>): string[] {
  return command.args.map((arg) => arg.replace(/^\[|\]$/g, '')).map((arg) => placeholders[arg] ?? arg);
}

describe('the commands the documentation shows', () => {
  it('are found in README.md and docs/ (the extractor is not silently empty)', () => {
    const shown = commands.map((command) => `${command.tool} ${command.args[0] ?? ''}`);
    expect(shown).toEqual(expect.arrayContaining(['pilote doctor', 'pilote migrate', 'create-pilote-instance my-instance', 'npm start', 'npm test']));
  });

  it.each(['pilote', 'create-pilote-instance'])('%s is linked to a committed file, so a fresh clone has it before dist/ is built', (name) => {
    expect(existsSync(bin(name))).toBe(true);
    const target = path.relative(root, realpathSync(bin(name)));
    expect(target).not.toMatch(/(^|\/)dist\//);
    expect(target.startsWith('..')).toBe(false);
    if (existsSync(path.join(root, '.git'))) expect(run('git', ['ls-files', '--error-unmatch', target]).status).toBe(0);
  });

  it.each(unique(piloteCommands.map((command) => command.args[0])))('npx pilote %s --help answers from the installed bin', (name) => {
    // `npx pilote help` and a placeholder (`npx pilote <command> --help`) both mean the list of commands.
    const general = name === 'help' || name.startsWith('<');
    const { status, output } = run(bin('pilote'), general ? ['help'] : [name, '--help']);
    expect({ status, output }).toEqual({ status: 0, output: expect.stringContaining(general ? 'Usage: npx pilote <command>' : `Usage: npx pilote ${name}`) });
  });

  it.each(npmScripts)('npm %s: the script exists and every program it calls is installed', (script) => {
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(Object.keys(scripts)).toContain(script);
    for (const step of scripts[script].split('&&').map((part) => part.trim().split(/\s+/))) {
      if (step[0] === 'node') expect(existsSync(path.join(root, step[1]))).toBe(true);
      else if (step[0] === 'npx') expect(existsSync(bin(step[1]))).toBe(true);
      else expect(existsSync(bin(step[0]))).toBe(true);
    }
  });

  it('npm start -- --instance <folder>: every folder named exists and holds a configuration; the command it runs answers --help', () => {
    for (const command of commands.filter((candidate) => candidate.tool === 'npm' && candidate.args.includes('--instance'))) {
      const folder = command.args[command.args.indexOf('--instance') + 1];
      if (!folder.includes('<')) expect({ where: command.where, found: existsSync(path.join(root, folder, 'pilote.config.ts')) }).toEqual({ where: command.where, found: true });
    }
    expect(run(bin('pilote'), ['start', '--help']).status).toBe(0);
  });

  describe('in an instance made by npx create-pilote-instance, outside the repository', () => {
    let work: string;
    let instance: string;
    beforeAll(() => {
      work = mkdtempSync(path.join(os.tmpdir(), 'pilote-docs-'));
      instance = path.join(work, 'my-instance');
    });
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it('create-pilote-instance writes the folder (and answers --help)', () => {
      expect(run(bin('create-pilote-instance'), ['--help']).status).toBe(0);
      const created = run(bin('create-pilote-instance'), [instance], work);
      expect(created).toEqual({ status: 0, output: expect.stringContaining('Created') });
      expect(existsSync(path.join(instance, 'pilote.config.ts'))).toBe(true);
    });

    // Safe there (a temporary embedded database); run in this order (`migrate --status` exits 1 while
    // migrations are pending, so plain `migrate` goes first), each as documented.
    const order = ['migrate', 'seed', 'referential', 'doctor'];
    const real = piloteCommands
      .filter((command) => order.includes(command.args[0]) && !(command.args[0] === 'referential' && command.args[1] !== 'load'))
      .sort((a, b) => order.indexOf(a.args[0]) - order.indexOf(b.args[0]) || a.args.length - b.args.length);
    it.each(unique(real.map((command) => command.args.join(' '))))('npx pilote %s runs there, from the instance folder', (shown) => {
      const command = real.find((candidate) => candidate.args.join(' ') === shown)!;
      const args = concrete(command, { '<dir>': path.join(instance, 'data/referential') });
      const { status, output } = run(bin('pilote'), args, instance, { PORT: '0' });
      if (status !== 0) throw new Error(`npx pilote ${args.join(' ')} (shown in ${command.where}) exited with ${status}:\n${output}`);
    });
  });
});
