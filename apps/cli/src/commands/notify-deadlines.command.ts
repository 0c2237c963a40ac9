import { currentAsOf, runMigrations } from '@pilote/core';
import { createNotificationDispatcher, remindDeadlines } from '@pilote/workflow';
import type { Command } from './command';
import { withContext } from './with-context';

const USAGE = 'notify-deadlines [--days <n>]';

/**
 * `pilote notify-deadlines`: reminds the assignees of open entry campaigns due within N days
 * (default: the instance's workflow.deadlineReminderDays) that still miss values; in the app and
 * by e-mail when SMTP_* is set. Safe to run often (cron): each deadline is reminded once.
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
      try {
        const within = days ?? context.instance.config.workflow.deadlineReminderDays;
        const result = await remindDeadlines(context.dataSource, dispatcher, { asOf: currentAsOf(), days: within });
        console.log(`${result.notifications} reminder(s) for ${result.campaigns} campaign(s) due within ${within} day(s)${dispatcher.emailEnabled ? '' : ' (in the app only: SMTP_HOST is not set)'}.`);
        return 0;
      } finally {
        dispatcher.close();
      }
    });
  },
};
