import type { DataSource } from 'typeorm';
import type { NotificationDispatcher } from '../notifications/notification-dispatcher';
import { createNotifications, Outbox } from '../notifications/notification-store';
import { type Campaign, findCampaigns } from './campaign';
import { campaignBoard } from './campaign.service';

export interface ReminderResult {
  campaigns: number;
  notifications: number;
  /** Ids of the new notifications (their e-mail jobs have the same ids). */
  notificationIds: string[];
}

const dayDiff = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * "Deadline approaching": each open campaign whose deadline is within `days` days and that still
 * misses values notifies its assignees, once per campaign and deadline (a re-run, or a second
 * cron, sends nothing more). Run daily by the job queue (`campaign.deadline-reminders`), by an
 * operator (`pilote notify-deadlines`) or by an admin; e-mails are queued in the same transaction.
 */
export async function remindDeadlines(dataSource: DataSource, dispatcher: NotificationDispatcher, options: { asOf: string; days: number; campaignId?: string; dedupeKey?: (campaign: Campaign) => string }): Promise<ReminderResult> {
  const outbox = new Outbox(dispatcher);
  const result: ReminderResult = { campaigns: 0, notifications: 0, notificationIds: [] };
  await dataSource.transaction(async (db) => {
    const campaigns = await findCampaigns(
      db,
      `c.status = 'open' AND c.deadline >= $1::date AND c.deadline <= $1::date + $2::int ${options.campaignId ? 'AND c.id = $3::uuid' : ''}`,
      [options.asOf, options.days, ...(options.campaignId ? [options.campaignId] : [])],
    );
    for (const campaign of campaigns) {
      const board = await campaignBoard(db, campaign, options.asOf);
      const missing = board.totals.expected - board.totals.published;
      if (missing === 0 || campaign.assigneeIds.length === 0) continue;
      result.campaigns += 1;
      result.notifications += await createNotifications(db, outbox, {
        userIds: campaign.assigneeIds,
        kind: 'campaign.deadline',
        params: { campaignId: campaign.id, campaign: campaign.name, deadline: campaign.deadline, days: dayDiff(options.asOf, campaign.deadline), missing },
        link: `/campaigns/${campaign.id}`,
        dedupeKey: options.dedupeKey?.(campaign) ?? `deadline:${campaign.id}:${campaign.deadline}`,
      });
    }
  });
  result.notificationIds = outbox.ids;
  return result;
}
