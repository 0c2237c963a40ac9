import { Box, Button, Chip, FormControlLabel, List, ListItem, ListItemText, Paper, Switch, Typography } from '@mui/material';
import { EmptyState, ErrorState, formatDate, LoadingState } from '@pilote/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '../api/useQuery';
import { CAMPAIGN_LIST } from '../features/campaigns/campaignApi';
import { RouterLink } from '../layout/RouterLink';
import { useSession } from '../session/SessionContext';


/** `/campaigns`: the entry campaigns of the user's scope; those who may open one get the button. */
export default function CampaignsPage() {
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const session = useSession();
  const [includeClosed, setIncludeClosed] = useState(false);
  const { data, loading, error, refetch } = useQuery(CAMPAIGN_LIST, { includeClosed });
  const canCreate = session.may('create', 'Campaign');
  const campaigns = data?.campaigns ?? [];
  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'grid', gap: 1, gridTemplateColumns: 'minmax(0, 1fr)' }} component="section" aria-labelledby="campaigns-title">
      <Typography id="campaigns-title" component="h1" variant="h1">{t('campaign.listTitle')}</Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        {canCreate && <Button component={Link} to="/campaigns/new" variant="contained">{t('campaign.new')}</Button>}
        <FormControlLabel control={<Switch checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)} />} label={t('campaign.includeClosed')} />
      </Box>
      {loading && !data ? <LoadingState /> : error && !data ? <ErrorState error={error} action={{ label: t('app.retry'), onClick: refetch }} /> : campaigns.length === 0 ? (
        <EmptyState title={t('campaign.none')} description={canCreate ? t('campaign.noneCanCreate') : ' '} />
      ) : (
        <List>
          {campaigns.map((c) => (
            <ListItem key={c.id} divider>
              <ListItemText
                primary={<><RouterLink to={`/campaigns/${c.id}`}>{c.name}</RouterLink>{c.status === 'closed' && <Chip sx={{ ml: 1 }} size="small" label={t('campaign.closed')} />}</>}
                secondary={`${t('campaign.period', { start: formatDate(c.periodStart, lng), end: formatDate(c.periodEnd, lng) })} · ${t('campaign.deadline', { date: formatDate(c.deadline, lng) })}`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Paper>
  );
}
