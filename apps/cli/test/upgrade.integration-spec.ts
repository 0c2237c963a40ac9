import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase } from '@pilote/core/testing';
import type { DatabaseConnection } from '@pilote/core';
import { runCli, STACK_LINE } from './run-cli';

const config = (workflow: string) => `export default {
  id: 'upgrade-test', name: 'Upgrade test', data: { seed: 'none' }, ${workflow}
  territoryLevels: [{ id: 'NAT', label: 'National' }, { id: 'REG', label: 'Région' }, { id: 'DEPT', label: 'Département' }],
};`;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pilote-upgrade-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

describe('pilote doctor after an upgrade', () => {
  let database: DatabaseConnection;
  beforeAll(async () => {
    database = await createTestDatabase();
    // The newest core migration made pending again, as a newer kit's migration would be.
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`DELETE FROM pilote_migrations WHERE id = (SELECT max(id) FROM pilote_migrations)`);
    } finally {
      await client.end();
    }
  });
  afterAll(() => database.close());

  it('names a renamed configuration key with what to do, and the pending migrations', async () => {
    const dir = folder({ 'pilote.config.ts': config('workflow: { trustedImports: false },') });
    const result = await runCli(['doctor', '--instance', dir], { DATABASE_URL: database.url, PORT: '0' });
    expect(result.stdout).toMatch(/✓ Kit: version \d+\.\d+\.\d+/);
    expect(result.stdout).toContain(
      "! Configuration: workflow.trustedImports was renamed to workflow.publishByImport in 0.1.0: rename it in pilote.config.ts (true → 'importers', false → 'publishers'). It is still read for now.",
    );
    expect(result.stdout).toMatch(/✗ Migrations: 1 pending \(\w+\d{13}\)\n\s+→ Run `npx pilote migrate`/);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});

describe('pilote upgrade on bad input: one clear message, nothing changed', () => {
  it('refuses the kit repository itself (its packages are the sources)', async () => {
    const result = await runCli(['upgrade', '--instance', path.resolve(__dirname, '../../../examples/demo')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is inside the kit's repository .*\n\s+→ Upgrade the repository with `git pull && npm install`/);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('refuses a folder that is not an instance', async () => {
    const dir = folder({ 'package.json': JSON.stringify({ name: 'x', dependencies: { express: '^5.0.0' } }) });
    const result = await runCli(['upgrade', '--instance', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/does not depend on @pilote\/cli: this folder is not an instance of the kit\.\n\s+→ Run `npx pilote upgrade` from the instance folder/);
  });

  it('asks to install the instance first when its kit is not installed', async () => {
    const dir = folder({ 'package.json': JSON.stringify({ name: 'x', dependencies: { '@pilote/cli': '^0.1.0' } }) });
    const result = await runCli(['upgrade', '--instance', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/The kit is not installed in .* \(no node_modules\/@pilote\/cli\)\.\n\s+→ Run `npm install` in the instance folder first/);
  });

  it('refuses a --to that is not a version', async () => {
    const dir = folder({ 'package.json': JSON.stringify({ name: 'x', dependencies: { '@pilote/cli': '^0.1.0' } }) });
    const result = await runCli(['upgrade', '--instance', dir, '--to', 'newest']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--to newest is not a version: give one like 0\.2\.0/);
  });
});
