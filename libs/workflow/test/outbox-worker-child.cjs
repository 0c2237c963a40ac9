// A worker process for the cross-process outbox test: delivers notification e-mails from the job
// queue of DATABASE_URL through SMTP on 127.0.0.1:SMTP_PORT, until it is killed.
require('../../../tools/register-ts.cjs');
const { createDataSource, JobQueue } = require('@pilote/core');
const { createSmtpMailer } = require('../src/notifications/mailer');
const { NotificationDispatcher } = require('../src/notifications/notification-dispatcher');

(async () => {
  const dataSource = createDataSource({ url: process.env.DATABASE_URL, poolSize: 4 });
  await dataSource.initialize();
  const mailer = createSmtpMailer({ host: '127.0.0.1', port: Number(process.env.SMTP_PORT), secure: false, user: null, password: null, from: 'Instance <no-reply@test.gouv.fr>' });
  const settings = { worker: true, concurrency: 2, retryLimit: 5, retryDelaySeconds: 1, pollSeconds: 0.5, expireSeconds: 3, maintenanceSeconds: 1 };
  const queue = new JobQueue(dataSource, settings, (line) => process.stderr.write(`${line}\n`));
  const dispatcher = new NotificationDispatcher(dataSource, mailer, { publicUrl: 'https://pilote.test.gouv.fr', defaultLocale: 'fr', instanceName: () => 'Instance' }, queue);
  queue.define(dispatcher.jobKind());
  await queue.start();
  process.stdout.write('worker started\n');
})().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
