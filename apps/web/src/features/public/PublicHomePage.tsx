import { Box, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import { EmptyState, ErrorState, formatDate, formatRate, LoadingState, WeatherBadge } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { RouterLink } from '../../layout/RouterLink';
import { useUrlState } from '../../state/useUrlState';
import { isNotPublic, PUBLIC_HOME_QUERY } from './publicApi';
import { NotPublicNotice } from './NotPublicNotice';

/** The public baromètre's home: each public policy with its published rate, phone-first. */
export default function PublicHomePage() {
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const url = useUrlState();
  const territoryCode = url.get('territory');
  const { data, error, loading, refetch } = useQuery(PUBLIC_HOME_QUERY, { territoryCode });
  const home = data?.publicHome;
  if (!home) {
    if (loading || !error) return <LoadingState />;
    if (isNotPublic(error)) return <NotPublicNotice />;
    return <ErrorState error={error} title={t('public.loadError')} action={{ label: t('app.retry'), onClick: refetch }} />;
  }
  return (
    <Box>
      <Typography component="h1" variant="h2" gutterBottom sx={{ overflowWrap: 'anywhere' }}>{t('public.homeTitle', { territory: home.territory.name })}</Typography>
      <Typography color="text.secondary" gutterBottom>
        {home.updatedOn ? t('public.updatedOn', { date: formatDate(home.updatedOn, lng) }) : t('public.neverUpdated')}
      </Typography>
      {home.policies.length === 0 ? <EmptyState title={t('public.noPolicies')} /> : (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1.5 }}>
          {home.policies.map((policy) => (
            <Card component="li" key={policy.id} variant="outlined">
              <CardContent>
                <Typography component="h2" variant="h5" sx={{ overflowWrap: 'anywhere' }}>
                  <RouterLink to={url.href(`/public/policies/${encodeURIComponent(policy.id)}`)}>{policy.name}</RouterLink>
                </Typography>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1 }}>
                  <LinearProgress variant="determinate" value={Math.max(0, Math.min(100, policy.globalRate ?? 0))} sx={{ flex: 1, height: 8, borderRadius: 4 }}
                    aria-label={t('public.rateOf', { name: policy.name })} aria-valuetext={policy.globalRate === null ? t('ui.noData') : formatRate(policy.globalRate, lng)} />
                  <Typography component="span" sx={{ fontWeight: 700, minWidth: 48, textAlign: 'right' }}>{policy.globalRate === null ? '–' : formatRate(policy.globalRate, lng)}</Typography>
                </Box>
                <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', mt: 1 }}>
                  {policy.weather && <WeatherBadge level={policy.weather} compact />}
                  <Typography variant="body2" color="text.secondary">
                    {policy.valuesAsOf ? t('public.valuesAsOf', { date: formatDate(policy.valuesAsOf, lng) }) : t('ui.noData')}
                  </Typography>
                </Box>
              </CardContent>
            </Card>
          ))}
        </Box>
      )}
    </Box>
  );
}
