import { Box, Chip, LinearProgress, Paper, Typography } from '@mui/material';
import { ErrorState, formatDate, LoadingState } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { GraphQLRequestError } from '../api/graphql';
import { useQuery } from '../api/useQuery';
import { CampaignActions } from '../features/campaigns/CampaignActions';
import { CAMPAIGN_PAGE_QUERY, entryHref } from '../features/campaigns/campaignApi';
import { PendingValues } from '../features/campaigns/PendingValues';
import { BoardTable } from '../features/entry/BoardTable';
import { useSession } from '../session/SessionContext';
import { NotFoundPage } from './NotFoundPage';

/** `/campaigns/:id`: the completeness and freshness board of an entry campaign, what is missing where, and its actions. */
export default function CampaignPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const session = useSession();
  const { data, loading, error, refetch } = useQuery(CAMPAIGN_PAGE_QUERY, { id });
  if (loading && !data) return <LoadingState />;
  if (error && !data) {
    const code = error instanceof GraphQLRequestError ? error.errors?.[0]?.extensions?.code : undefined;
    if (code === 'FORBIDDEN' || code === 'NOT_FOUND') return <NotFoundPage title={t('campaign.notFound')} />;
    return <ErrorState error={error} action={{ label: t('app.retry'), onClick: refetch }} />;
  }
  if (!data) return <LoadingState />;
  const { campaign, totals } = data.campaignBoard;
  // With one territory, each policy row opens its entry page.
  const single = data.campaignBoard.byTerritory.length === 1 ? data.campaignBoard.byTerritory[0].key : null;
  const entryLink = single ? (row: { key: string }) => entryHref({ territoryCode: single, policyId: row.key }) : undefined;
  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Box sx={{ display: 'grid', gap: 1 }}>
        <Typography component="h1" variant="h1">{t('campaign.title', { name: campaign.name })} {campaign.status === 'closed' && <Chip label={t('campaign.closed')} size="small" />}</Typography>
        <Typography color="text.secondary">
          {t('campaign.period', { start: formatDate(campaign.periodStart, lng), end: formatDate(campaign.periodEnd, lng) })} · {t('campaign.deadline', { date: formatDate(campaign.deadline, lng) })}
        </Typography>
        <Typography color="text.secondary">{t('campaign.assignees', { count: campaign.assigneeEmails.length })}</Typography>
        <CampaignActions campaign={campaign} canUpdate={session.may('update', 'Campaign')} onChanged={refetch} />
      </Box>
      <Paper variant="outlined" sx={{ p: 2, display: 'grid', gap: 1, gridTemplateColumns: 'minmax(0, 1fr)' }} component="section" aria-labelledby="board-title">
        <Typography id="board-title" component="h2" variant="h2">{t('campaign.board')}</Typography>
        <Typography>{t('campaign.totals', { published: totals.published, expected: totals.expected, completeness: totals.completeness })}</Typography>
        <LinearProgress variant="determinate" value={totals.completeness} aria-label={t('campaign.columns.completeness')} />
        <BoardTable rows={data.campaignBoard.byTerritory} caption={t('campaign.byTerritory')} />
        <BoardTable rows={data.campaignBoard.byPolicy} caption={t('campaign.byPolicy')} link={entryLink} />
      </Paper>
      <Paper variant="outlined" sx={{ p: 2, display: 'grid', gap: 1, gridTemplateColumns: 'minmax(0, 1fr)' }} component="section" aria-labelledby="pending-title">
        <Typography id="pending-title" component="h2" variant="h2">{t('campaign.pending.title')}</Typography>
        <PendingValues cells={data.campaignBoard.pending} total={data.campaignBoard.pendingCount} canEnter={session.may('create', 'Measure')} />
      </Paper>
    </Box>
  );
}
