import { currentAsOf, type JobKind, type KitContext } from '@pilote/core';
import type { NotificationDispatcher } from '../notifications/notification-dispatcher';
import { remindDeadlines } from './deadline-reminders';

export const DEADLINE_REMINDERS_JOB = 'campaign.deadline-reminders';

/** Without data: the daily run over every campaign. With a campaign: one reminder asked from its page. */
export interface DeadlineRemindersData {
  campaignId?: string;
}

/**
 * Daily at 06:00 UTC, once across replicas: the same work as `pilote notify-deadlines`
 * (deduplicated per user × campaign × deadline, so the command and the job never double up).
 * A campaign's manager may also queue one for their campaign (`remindCampaign`): sent at once,
 * whatever the days left, at most once a day.
 */
export function deadlineRemindersJob(kit: KitContext, dispatcher: NotificationDispatcher): JobKind<DeadlineRemindersData> {
  return {
    name: DEADLINE_REMINDERS_JOB,
    description: 'Reminds campaign assignees of deadlines within workflow.deadlineReminderDays days (in the app and by e-mail); or of one campaign, asked from its page.',
    schedule: '0 6 * * *',
    run: async (data) => {
      const asOf = currentAsOf();
      if (data?.campaignId) {
        await remindDeadlines(kit.dataSource, dispatcher, { asOf, days: 36_500, campaignId: data.campaignId, dedupeKey: (c) => `reminder:${c.id}:${asOf}` });
        return;
      }
      await remindDeadlines(kit.dataSource, dispatcher, { asOf, days: kit.instance.config.workflow.deadlineReminderDays });
    },
  };
}
