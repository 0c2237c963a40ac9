import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDataSource, type DatabaseConnection, JobQueue } from '@pilote/core';
import { createTestDatabase } from '@pilote/core/testing';
import { runCli, STACK_LINE } from './run-cli';

/** `pilote jobs`: list by state with attempts and last error, retry a parked job; bad input named. */
describe('pilote jobs', () => {
  let database: DatabaseConnection;
  let instance: string;
  const cli = (args: string[]) => runCli([...args, '--instance', instance], { DATABASE_URL: database.url, SMTP_HOST: undefined });

  beforeAll(async () => {
    database = await createTestDatabase();
    instance = mkdtempSync(path.join(os.tmpdir(), 'pilote-cli-jobs-'));
    writeFileSync(path.join(instance, 'pilote.config.ts'), `export default { id: 'cli-jobs', name: 'CLI jobs', data: { seed: 'none' }, territoryLevels: [{ id: 'NAT', label: 'National' }, { id: 'REG', label: 'Région' }, { id: 'DEPT', label: 'Département' }] };`);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it('says there are no jobs on a database where the queue never ran', async () => {
    const result = await cli(['jobs']);
    expect(result).toMatchObject({ code: 0, stdout: 'No jobs yet.\n' });
  }, 90_000);

  it('refuses a bad state, limit or id with one clear line', async () => {
    const state = await cli(['jobs', '--state', 'stuck']);
    expect(state.code).toBe(2);
    expect(state.stderr).toMatch(/Unknown job state "stuck": use one of created, retry, active, completed, cancelled, failed \(or parked = failed\)\. Usage: npx pilote jobs/);
    const limit = await cli(['jobs', '--limit', '0']);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toMatch(/--limit "0" must be a whole number from 1 to 500/);
    const id = await cli(['jobs', 'retry', 'abc']);
    expect(id.code).toBe(1);
    expect(id.stderr).toMatch(/"abc" is not a job id/);
    for (const result of [state, limit, id]) expect(result.stderr).not.toMatch(STACK_LINE);
  }, 120_000);

  it('lists a parked job with its attempts and error, and retries it once', async () => {
    // A real queue runs a job that throws until it is parked, then stops (the CLI reads the same database).
    const dataSource = createDataSource({ url: database.url, poolSize: database.poolSize });
    await dataSource.initialize();
    const queue = new JobQueue(dataSource, { worker: true, concurrency: 1, retryLimit: 1, retryDelaySeconds: 1, pollSeconds: 0.5, expireSeconds: null, maintenanceSeconds: 60 }, () => undefined);
    queue.define({ name: 'test.broken', description: 'Always throws.', run: async () => { throw new Error('the source answered 503'); } });
    let id: string | null = null;
    try {
      await queue.start();
      id = await dataSource.transaction((db) => queue.enqueue(db, 'test.broken', {}));
      for (let i = 0; i < 200; i += 1) {
        const [row] = (await dataSource.query(`SELECT state::text AS state FROM pgboss.job WHERE id = $1`, [id])) as { state: string }[];
        if (row?.state === 'failed') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await queue.stop();
      await dataSource.destroy();
    }
    const listed = await cli(['jobs', '--state', 'parked']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('test.broken failed (parked): 1');
    expect(listed.stdout).toMatch(new RegExp(`${id}\\s+test\\.broken\\s+failed\\s+2/2\\s+.*the source answered 503`));

    const retried = await cli(['jobs', 'retry', id!]);
    expect(retried).toMatchObject({ code: 0, stdout: `Job ${id} (test.broken) will be tried again now (attempt 3 of 3).\n` });
    const again = await cli(['jobs', 'retry', id!]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(new RegExp(`Job ${id} is retry, not parked \\(failed\\): only a parked job can be retried\\.`));
    const waiting = await cli(['jobs', '--state', 'retry']);
    expect(waiting.stdout).toMatch(new RegExp(`${id}\\s+test\\.broken\\s+retry\\s+2/3`));
  }, 180_000);
});
