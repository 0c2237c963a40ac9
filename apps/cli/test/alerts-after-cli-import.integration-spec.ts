import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestIdentities } from '@pilote/auth/testing';
import { computationLevelOrder, createDataSource, type DatabaseConnection, JobQueue, loadReferential, writeMeasures } from '@pilote/core';
import { createTestDatabase, testInstance } from '@pilote/core/testing';
import { createSmtpMailer, evaluateAlertsJob, NotificationDispatcher } from '@pilote/workflow';
import type { DataSource } from 'typeorm';
import { startSmtpTestServer } from '../../../libs/workflow/test/smtp-test-server';
import { runCli } from './run-cli';

/**
 * Issue 20 / ADR 041: `pilote import` writes outside a running API, yet queues the alert evaluation
 * in its transaction like the API's writers; a worker started later delivers the alert (one
 * notification, one e-mail to a real smtp-server). PGlite by default, PostgreSQL with DATABASE_URL.
 */
const WORKFLOW_FIXTURES = path.resolve(__dirname, '../../../libs/workflow/test/fixtures');
const AS_OF = '2024-12-31';
const HEADER = 'identifiant_indic;zone_id;zone_nom;date_valeur;type_valeur;valeur';

describe('alerts after a CLI import', () => {
  let database: DatabaseConnection;
  let instance: string;
  let readerId: string;
  const config = testInstance().config;
  const open = async (): Promise<DataSource> => {
    const dataSource = createDataSource({ url: database.url, poolSize: database.poolSize });
    await dataSource.initialize();
    return dataSource;
  };
  const cli = (args: string[]) => runCli([...args, '--instance', instance], { DATABASE_URL: database.url, PILOTE_AS_OF: AS_OF, SMTP_HOST: undefined }, 120_000);
  const csvFile = (name: string, row: string) => {
    const file = path.join(instance, name);
    writeFileSync(file, `${HEADER}\n${row}\n`);
    return file;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    instance = mkdtempSync(path.join(os.tmpdir(), 'pilote-cli-alerts-'));
    writeFileSync(path.join(instance, 'pilote.config.ts'), `export default { id: 'cli-alerts', name: 'CLI alerts', data: { seed: 'none' }, territoryLevels: ${JSON.stringify(config.territoryLevels.map(({ id, label }) => ({ id, label })))} };`);
    const dataSource = await open();
    try {
      const loaded = await loadReferential(dataSource, path.join(WORKFLOW_FIXTURES, 'referential'), { levels: config.territoryLevels.map((l) => l.id) });
      if (!loaded.ok) throw new Error(`test referential: ${JSON.stringify(loaded.problems)}`);
      // D13: VI 10, VA 20, VC 50 → 25 %; the reader is told when it falls below 22 %.
      await dataSource.transaction((manager) => writeMeasures(manager, [
        { indicatorId: 'IND-W', territoryCode: 'D13', kind: 'VI', date: '2023-12-31', value: 10 },
        { indicatorId: 'IND-W', territoryCode: 'D13', kind: 'VA', date: '2024-06-30', value: 20 },
        { indicatorId: 'IND-W', territoryCode: 'D13', kind: 'VC', date: '2025-12-31', value: 50 },
      ], { provenance: 'seed', levelOrder: computationLevelOrder(config), asOf: AS_OF }));
      const ids = await createTestIdentities(dataSource.manager);
      readerId = ids.reader.userId!;
      await dataSource.query(`INSERT INTO alert_subscription (user_id, kind, policy_id, indicator_id, territory_code, threshold) VALUES ($1, 'indicator-rate', 'POL-W', 'IND-W', 'D13', 22)`, [readerId]);
    } finally {
      // The CLI is another process on the same database: no connection of ours stays open meanwhile.
      await dataSource.destroy();
    }
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('a dry run queues nothing; the import queues one evaluation, which a later worker runs: one notification and one e-mail', async () => {
    const dry = await cli(['import', csvFile('dry.csv', 'IND-W;D13;Bouches-du-Rhône;30/09/2024;va;18'), '--dry-run', '--lang', 'en']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).not.toMatch(/alerts\.evaluate/);

    const imported = await cli(['import', csvFile('values.csv', 'IND-W;D13;Bouches-du-Rhône;30/09/2024;va;18'), '--lang', 'en']);
    expect(imported.stderr).not.toMatch(/Error/);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('job alerts.evaluate queued');

    const smtp = await startSmtpTestServer();
    const dataSource = await open();
    const queue = new JobQueue(dataSource, { worker: true, concurrency: 1, retryLimit: 2, retryDelaySeconds: 1, pollSeconds: 0.5, expireSeconds: null, maintenanceSeconds: 60 }, () => undefined);
    const mailer = createSmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, user: null, password: null, from: 'Instance <no-reply@test.gouv.fr>' });
    const dispatcher = new NotificationDispatcher(dataSource, mailer, { publicUrl: 'https://pilote.test.gouv.fr', instanceName: () => 'CLI alerts', defaultLocale: 'fr' }, queue);
    try {
      // Nothing evaluated it yet: the CLI only queued it, in its import's transaction.
      const jobs = (await dataSource.query(`SELECT state::text AS state, data FROM pgboss.job WHERE name = 'alerts.evaluate'`)) as { state: string; data: { policyIds: string[] } }[];
      expect(jobs).toEqual([{ state: 'created', data: { policyIds: ['POL-W'] } }]);
      expect(await dataSource.query(`SELECT id FROM notification WHERE kind = 'alert.triggered'`)).toEqual([]);

      queue.define(dispatcher.jobKind());
      queue.define(evaluateAlertsJob(dataSource, dispatcher));
      await queue.start();
      const deadline = Date.now() + 60_000;
      let notifications: { params: Record<string, unknown>; emailed_at: Date | null }[] = [];
      while (Date.now() < deadline) {
        notifications = (await dataSource.query(`SELECT params, emailed_at FROM notification WHERE kind = 'alert.triggered' AND user_id = $1`, [readerId])) as typeof notifications;
        if (notifications.length > 0 && notifications.every((n) => n.emailed_at)) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(notifications).toHaveLength(1);
      expect(notifications[0].params).toMatchObject({ whatKey: 'alert.indicator-rate', rate: 20, expected: 22 });
      expect(notifications[0].emailed_at).not.toBeNull();
      const mails = smtp.received.filter((mail) => mail.to.includes('reader@test.gouv.fr'));
      expect(mails).toHaveLength(1);
      expect(mails[0].text).toContain('est passé sous 22 %');
      const [state] = (await dataSource.query(`SELECT state::text AS state FROM pgboss.job WHERE name = 'alerts.evaluate'`)) as { state: string }[];
      expect(state.state).toBe('completed');
    } finally {
      await queue.stop();
      dispatcher.close();
      await dataSource.destroy();
      await smtp.close();
    }
  }, 300_000);
});
