import { currentAsOf, type JobKind, type KitContext } from '@pilote/core';
import type { NotificationDispatcher } from '../notifications/notification-dispatcher';
import { remindDeadlines } from './deadline-reminders';

export const DEADLINE_REMINDERS_JOB = 'campaign.deadline-reminders';

/**
 * Daily at 06:00 UTC, once across replicas: the same work as `pilote notify-deadlines`
 * (deduplicated per user × campaign × deadline, so the command and the job never double up).
 */
export function deadlineRemindersJob(kit: KitContext, dispatcher: NotificationDispatcher): JobKind<Record<string, never>> {
  return {
    name: DEADLINE_REMINDERS_JOB,
    description: 'Reminds campaign assignees of deadlines within workflow.deadlineReminderDays days (in the app and by e-mail).',
    schedule: '0 6 * * *',
    run: async () => {
      await remindDeadlines(kit.dataSource, dispatcher, { asOf: currentAsOf(), days: kit.instance.config.workflow.deadlineReminderDays });
    },
  };
}
