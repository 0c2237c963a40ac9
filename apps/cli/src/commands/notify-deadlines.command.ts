import { currentAsOf, jobQueueOf, runMigrations, waitForJobs } from '@pilote/core';
import { createNotificationDispatcher, remindDeadlines } from '@pilote/workflow';
import type { Command } from './command';
import { withContext } from './with-context';

const USAGE = 'notify-deadlines [--days <n>]';

/**
 * `pilote notify-deadlines`: reminds the assignees of open entry campaigns due within N days
 * (default: the instance's workflow.deadlineReminderDays) that still miss values; in the app and
 * by e-mail when SMTP_* is set. Safe to run often (cron): each deadline is reminded once. The job
 * queue runs the same reminder daily (`campaign.deadline-reminders`); this command stays for
 * operators who schedule it themselves. Its e-mails go through the queue: this process delivers
 * them (waiting up to 60 s) unless PILOTE_JOBS_WORKER=off, in which case the instance's workers do.
 */
export const notifyDeadlinesCommand: Command = {
  name: 'notify-deadlines',
  summary: 'Remind campaign assignees of deadlines within N days (schedule it with cron)',
  usage: USAGE,
  async run(args) {
    const index = args.findIndex((arg) => arg === '--days' || arg.startsWith('--days='));
    const raw = index < 0 ? undefined : args[index].includes('=') ? args[index].split('=')[1] : args[index + 1];
    const days = raw === undefined ? undefined : Number(raw);
    if (days !== undefined && (!Number.isInteger(days) || days < 0 || days > 366)) {
      console.error(`--days "${raw}" is not a number of days (0–366). Usage: npx pilote ${USAGE}`);
      return 2;
    }
    return withContext(args, async (context) => {
      await runMigrations(context.dataSource);
      const dispatcher = createNotificationDispatcher(context, { log: (line) => console.error(line) });
      const queue = jobQueueOf(context);
      try {
        queue.define(dispatcher.jobKind());
        await queue.start();
        const within = days ?? context.instance.config.workflow.deadlineReminderDays;
        const result = await remindDeadlines(context.dataSource, dispatcher, { asOf: currentAsOf(), days: within });
        console.log(`${result.notifications} reminder(s) for ${result.campaigns} campaign(s) due within ${within} day(s)${dispatcher.emailEnabled ? '' : ' (in the app only: SMTP_HOST is not set)'}.`);
        if (dispatcher.emailEnabled && result.notificationIds.length > 0) {
          if (!queue.settings.worker) console.log(`${result.notificationIds.length} e-mail(s) queued for the instance's workers (PILOTE_JOBS_WORKER=off here).`);
          else {
            const states = await waitForJobs(context.dataSource.manager, result.notificationIds, 60_000);
            const waiting = (states.retry ?? 0) + (states.created ?? 0) + (states.active ?? 0);
            console.log(`${states.completed ?? 0} e-mail(s) sent${waiting ? `, ${waiting} to retry (see \`npx pilote jobs\`)` : ''}${states.failed ? `, ${states.failed} parked` : ''}.`);
          }
        }
        return 0;
      } finally {
        await queue.stop();
        dispatcher.close();
      }
    });
  },
};
