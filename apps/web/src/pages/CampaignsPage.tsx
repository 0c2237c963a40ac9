import { List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import { EmptyState, ErrorState, formatDate, LoadingState } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/useQuery';
import { CAMPAIGNS_QUERY } from '../features/entry/entryApi';
import { RouterLink } from '../layout/RouterLink';

interface CampaignSummary { id: string; name: string; periodStart: string; periodEnd: string; deadline: string; status: string }

/** `/campaigns`: the open entry campaigns of the user's scope. */
export default function CampaignsPage() {
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const { data, loading, error, refetch } = useQuery<{ campaigns: CampaignSummary[] }>(CAMPAIGNS_QUERY);
  if (loading && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} action={{ label: t('app.retry'), onClick: refetch }} />;
  const campaigns = data?.campaigns ?? [];
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="campaigns-title">
      <Typography id="campaigns-title" component="h1" variant="h1" gutterBottom>{t('campaign.listTitle')}</Typography>
      {campaigns.length === 0 ? <EmptyState title={t('campaign.none')} description=" " /> : (
        <List>
          {campaigns.map((c) => (
            <ListItem key={c.id} divider>
              <ListItemText
                primary={<RouterLink to={`/campaigns/${c.id}`}>{c.name}</RouterLink>}
                secondary={`${t('campaign.period', { start: formatDate(c.periodStart, lng), end: formatDate(c.periodEnd, lng) })} · ${t('campaign.deadline', { date: formatDate(c.deadline, lng) })}`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Paper>
  );
}
