import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '@pilote/core/testing';
import { Client } from 'pg';
import type { DatabaseConnection } from '@pilote/core';
import { runCli, STACK_LINE } from './run-cli';

function instanceWith(config: string, file = 'pilote.config.ts'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pilote-cli-'));
  writeFileSync(path.join(dir, file), config);
  return dir;
}

const validConfig = `export default {
  id: 'cli-test', name: 'CLI test', data: { seed: 'none' },
  territoryLevels: [{ id: 'NAT', label: 'National' }, { id: 'REG', label: 'Région' }, { id: 'DEPT', label: 'Département' }],
};`;

function expectOneClearError(result: { code: number | null; stderr: string }, message: RegExp) {
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(STACK_LINE);
}

describe('pilote CLI on bad input: one clear message, non-zero exit, no stack trace', () => {
  it('names a missing instance folder and how to fix it', async () => {
    const result = await runCli(['migrate', '--instance', '/nonexistent/instance']);
    expectOneClearError(result, /Instance folder not found: \/nonexistent\/instance\n\s+→ Set PILOTE_INSTANCE/);
  });

  it('lists every invalid configuration key with its path', async () => {
    const dir = instanceWith(`export default { id: 'Bad Id', name: 'x', defaultLocale: 'de', territoryLevels: [{ id: 'dept', label: 'x' }] };`);
    const result = await runCli(['migrate', '--instance', dir]);
    expectOneClearError(result, /Invalid configuration in .*pilote\.config\.ts:/);
    expect(result.stderr).toMatch(/- id: an instance id is lower-case/);
    expect(result.stderr).toMatch(/- defaultLocale: /);
    expect(result.stderr).toMatch(/- territoryLevels\.0\.id: a level id is upper case/);
  });

  it('reports a configuration that does not compile', async () => {
    const dir = instanceWith(`export default { id: 'x', name: `);
    expectOneClearError(await runCli(['migrate', '--instance', dir]), /pilote\.config\.ts does not compile/);
  });

  it('names an environment override that breaks the configuration', async () => {
    const dir = instanceWith(validConfig);
    const result = await runCli(['migrate', '--instance', dir], { PILOTE__DEFAULT_LOCALE: 'xx' });
    expectOneClearError(result, /- defaultLocale: Invalid option/);
  });

  it('refuses a malformed DATABASE_URL and says what it expects', async () => {
    const dir = instanceWith(validConfig);
    expectOneClearError(await runCli(['migrate', '--instance', dir], { DATABASE_URL: 'mysql://root@localhost/db' }), /DATABASE_URL must start with postgres:\/\//);
  });

  it('says when the database server cannot be reached', async () => {
    const dir = instanceWith(validConfig);
    const result = await runCli(['migrate', '--instance', dir], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nothing' });
    expectOneClearError(result, /Cannot reach the database at postgres:\/\/postgres@127\.0\.0\.1:1\/nothing/);
    expect(result.stderr).toMatch(/unset DATABASE_URL to use the embedded database/);
  });

  it('never prints a database password', async () => {
    const dir = instanceWith(validConfig);
    const result = await runCli(['migrate', '--instance', dir], { DATABASE_URL: 'postgres://pilote:s3cret@127.0.0.1:1/nothing' });
    expect(result.stderr).toContain('postgres://pilote:***@127.0.0.1:1/nothing');
    expect(result.stderr).not.toContain('s3cret');
  });

  it('says when the data folder is not writable', async () => {
    const dir = instanceWith(validConfig);
    const result = await runCli(['migrate', '--instance', dir], { PILOTE__DATA__DIRECTORY: '/proc/pilote-data' });
    expectOneClearError(result, /The data folder .* is not writable/);
  });

  it('refuses a PORT that is not a number', async () => {
    expectOneClearError(await runCli(['start'], { PORT: 'eighty' }), /PORT must be a number between 0 and 65535, got "eighty"/);
  });

  it('refuses demo mode in production', async () => {
    const dir = instanceWith(validConfig.replace("data: { seed: 'none' }", "demoMode: true, data: { seed: 'none' }"));
    expectOneClearError(await runCli(['migrate', '--instance', dir], { NODE_ENV: 'production' }), /demo mode, which is refused when NODE_ENV=production/);
  });

  it('answers an unknown command with the way to list them', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "frobnicate". Run `npx pilote help`');
  });

  describe('with a database', () => {
    let database: DatabaseConnection;
    let blocker: Server;
    let port: number;
    beforeAll(async () => {
      database = await createTestDatabase();
      blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '0.0.0.0', resolve));
      port = (blocker.address() as { port: number }).port;
    });
    afterAll(async () => {
      blocker.close();
      await database.close();
    });

    it('says which port is in use and suggests another', async () => {
      const dir = instanceWith(validConfig);
      const result = await runCli(['start', '--instance', dir], { DATABASE_URL: database.url, PORT: String(port) });
      expectOneClearError(result, new RegExp(`Port ${port} is already in use\\n\\s+→ .*PORT=${port + 1} npm start`));
    });

    it('doctor lists what is right and what is wrong, with fixes', async () => {
      const dir = instanceWith(validConfig);
      mkdirSync(path.join(dir, 'data'), { recursive: true });
      const result = await runCli(['doctor', '--instance', dir], { DATABASE_URL: database.url, PORT: String(port) });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/✓ Configuration: .*instance "cli-test"/);
      expect(result.stdout).toMatch(/✓ Database: PostgreSQL server/);
      expect(result.stdout).toMatch(/✓ Migrations: \d+ applied, none pending/);
      expect(result.stdout).toMatch(/[✓!] Database pool: pool of 20 connections per process \(PILOTE_DATABASE_POOL_SIZE\); the server accepts \d+/);
      expect(result.stdout).toMatch(new RegExp(`✗ Port: ${port} is in use\\n\\s+→ Stop what uses it or set PORT=${port + 1}`));
    });

    it('doctor checks the pool size: a value that is no size is named, a pool larger than the server accepts is a problem', async () => {
      const dir = instanceWith(validConfig);
      mkdirSync(path.join(dir, 'data'), { recursive: true });
      const typo = await runCli(['doctor', '--instance', dir], { DATABASE_URL: database.url, PORT: '0', PILOTE_DATABASE_POOL_SIZE: '20x' });
      expect(typo.code).toBe(1);
      expect(typo.stdout).toMatch(/✗ Environment: PILOTE_DATABASE_POOL_SIZE must be a whole number from 2 to 500, got "20x"/);
      const client = new Client({ connectionString: database.url });
      await client.connect();
      const max = (await client.query<{ max: number }>(`SELECT current_setting('max_connections')::int AS max`)).rows[0].max;
      await client.end();
      const tooLarge = await runCli(['doctor', '--instance', dir], { DATABASE_URL: database.url, PORT: '0', PILOTE_DATABASE_POOL_SIZE: String(Math.min(500, max + 1)) });
      expect(tooLarge.code).toBe(1);
      expect(tooLarge.stdout).toMatch(/✗ Database pool: pool of \d+ connections per process .*\n\s+→ Lower PILOTE_DATABASE_POOL_SIZE below \d+/);
    });
  });
});
