import type { EntityManager } from 'typeorm';
import type { NotificationParams } from '../notifications/render-notification';
import type { MeasurePayload, NarrativePayload, WorkflowItem } from './workflow-item';

/** Names a notification shows (territory, policy, indicator, author), looked up once. */
export async function describeItem(db: EntityManager, item: WorkflowItem): Promise<NotificationParams> {
  const rows = (await db.query(
    `SELECT t.name AS territory, p.name AS policy, i.name AS indicator,
            nullif(trim(coalesce(u.given_name, '') || ' ' || coalesce(u.usual_name, '')), '') AS author
     FROM territory t, policy p LEFT JOIN indicator i ON i.id = $3 LEFT JOIN app_user u ON u.id = $4
     WHERE t.code = $1 AND p.id = $2`,
    [item.territoryCode, item.policyId, item.indicatorId, item.authorId],
  )) as { territory: string; policy: string; indicator: string | null; author: string | null }[];
  const names = rows[0] ?? { territory: item.territoryCode, policy: item.policyId, indicator: item.indicatorId, author: null };
  const isMeasure = item.subjectKind === 'measure';
  return {
    itemId: item.id,
    whatKey: isMeasure ? `measure.${(item.payload as MeasurePayload).kind}` : item.subjectKind,
    territory: `${names.territory} (${item.territoryCode})`,
    policy: names.policy,
    indicator: names.indicator,
    author: names.author ?? '—',
    value: isMeasure ? (item.payload as MeasurePayload).value : item.subjectKind === 'weather' ? ((item.payload as NarrativePayload).weather ?? null) : null,
    reason: item.reason,
  };
}

/** Where the item is worked on in the web app. */
export const entryLink = (item: Pick<WorkflowItem, 'territoryCode' | 'policyId'>) =>
  `/entry?territory=${encodeURIComponent(item.territoryCode)}&policy=${encodeURIComponent(item.policyId)}`;
