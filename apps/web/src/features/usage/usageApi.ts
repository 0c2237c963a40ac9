import type { UsageFiguresQuery } from '../../api/generated/graphql';
export { RecordPageViewDocument as RECORD_PAGE_VIEW, UsageFiguresDocument as USAGE_FIGURES_QUERY } from '../../api/generated/graphql';

/** Usage figures for the instance's owners (GraphQL `usageFigures`, right `read Usage`; ADR 045). */
export type UsageFigures = UsageFiguresQuery['usageFigures'];
export type UsageGranularity = UsageFigures['granularity'];
export const GRANULARITIES: UsageGranularity[] = ['DAY', 'WEEK', 'MONTH'];

/** The range shown for a granularity: 30 days, 12 weeks or 12 months up to today (UTC days). */
export function defaultRange(granularity: UsageGranularity, today = new Date()): { from: string; to: string } {
  const to = today.toISOString().slice(0, 10);
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  if (granularity === 'DAY') start.setUTCDate(start.getUTCDate() - 29);
  else if (granularity === 'WEEK') start.setUTCDate(start.getUTCDate() - 7 * 11);
  else start.setUTCMonth(start.getUTCMonth() - 11, 1);
  return { from: start.toISOString().slice(0, 10), to };
}
