import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseConnection } from '@pilote/core';
import { createTestDatabase } from '@pilote/core/testing';
import { sendJson, startSourceServer, type SourceServer } from '@pilote/module-sdk/testing';
import { runCli, STACK_LINE } from './run-cli';

/** `pilote sync`: save a binding from a file (checked), list, preview and run it; bad input named. */
describe('pilote sync', () => {
  let database: DatabaseConnection;
  let instance: string;
  let server: SourceServer;
  const cli = (args: string[]) => runCli([...args, '--instance', instance], { DATABASE_URL: database.url, SOURCE_TOKEN: 'tok' });

  beforeAll(async () => {
    database = await createTestDatabase();
    instance = mkdtempSync(path.join(os.tmpdir(), 'pilote-cli-sync-'));
    writeFileSync(path.join(instance, 'pilote.config.ts'), `export default { id: 'cli-sync', name: 'CLI sync', data: { seed: 'none' }, modules: [{ id: 'http-connector' }], territoryLevels: [{ id: 'NAT', label: 'National' }, { id: 'REG', label: 'Région' }, { id: 'DEPT', label: 'Département' }] };`);
    server = await startSourceServer((request, response) => {
      if (request.headers.authorization !== 'Bearer tok') return sendJson(response, { detail: 'unauthorized' }, 401);
      return sendJson(response, { data: [{ ind: 'IND-NOPE', zone: 'D29', date: '2024-12-31', type: 'va', valeur: 3 }] });
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('refuses a binding file with every problem and its path, then saves a good one and lists it', async () => {
    const bad = path.join(instance, 'bad.yaml');
    writeFileSync(bad, 'id: logements\nname: Logements\nsource: http-connector/json\nsettings: { url: "ftp://nowhere" }\nmapping: { columns: { indicator: ind } }\nschedule: "0 25 * * *"\n');
    const refused = await cli(['sync', '--save', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/settings\.url/);
    expect(refused.stderr).toMatch(/mapping\.columns\.territory/);
    expect(refused.stderr).toMatch(/schedule: hour "25"/);
    expect(refused.stderr).not.toMatch(STACK_LINE);
    const good = path.join(instance, 'good.yaml');
    writeFileSync(good, `id: logements\nname: Logements\nsource: http-connector/json\ntrusted: true\nschedule: "0 6 * * 1"\nsettings:\n  url: ${server.url}/values\n  rowsPath: data\n  headers: { Authorization: { secret: SOURCE_TOKEN, prefix: "Bearer " } }\nmapping: { columns: { indicator: ind, territory: zone, date: date, kind: type, value: valeur } }\n`);
    const saved = await cli(['sync', '--save', good]);
    expect(saved.stderr).toBe('');
    expect(saved).toMatchObject({ code: 0 });
    expect(saved.stdout).toMatch(/Binding logements saved \(http-connector\/json, schedule "0 6 \* \* 1" UTC, next run 20\d\d-/);
    const list = await cli(['sync', '--list']);
    expect(list.stdout).toMatch(/^logements {2}http-connector\/json {2}0 6 \* \* 1 {2}trusted {2}last run: never/m);
  }, 180_000);

  it('runs a binding: rows the referential does not know are refused with line and column, nothing written, exit 1; the run is in the history', async () => {
    const run = await cli(['sync', 'logements', '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Binding logements, run [0-9a-f-]+: invalid — read 1, accepted 0, refused 1/);
    expect(run.stdout).toMatch(/IND-NOPE/);
    const runs = await cli(['sync', 'logements', '--runs']);
    expect(runs.stdout).toMatch(/cli +invalid +read 1, accepted 0, refused 1, changed 0/);
    const unknown = await cli(['sync', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/No source binding "nope"/);
  }, 180_000);
});
