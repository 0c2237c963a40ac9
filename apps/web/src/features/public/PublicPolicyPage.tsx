import { Box, MenuItem, TextField, Typography } from '@mui/material';
import { ErrorState, formatDate, LoadingState, RateGauge, WeatherBadge } from '@pilote/ui';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { RouterLink } from '../../layout/RouterLink';
import { useUrlState } from '../../state/useUrlState';
import { compareCodes, displayCode } from '../map/territoryCode';
import { DownloadLinks } from './DownloadLinks';
import { EmbedCode } from './EmbedCode';
import { NotPublicNotice } from './NotPublicNotice';
import { isNotPublic, PUBLIC_POLICY_QUERY } from './publicApi';
import { PublicIndicatorSection } from './PublicIndicatorSection';
import { PublicMap } from './PublicMap';

/** A public policy at a territory: rate, météo if published, map, and each indicator with its chart and map. */
export default function PublicPolicyPage() {
  const { policyId = '' } = useParams();
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const url = useUrlState();
  const territoryCode = url.get('territory');
  const { data, error, loading, refetch } = useQuery(PUBLIC_POLICY_QUERY, { policyId, territoryCode });
  const view = data?.publicPolicy;
  if (!view) {
    if (loading || !error) return <LoadingState />;
    if (isNotPublic(error)) return <NotPublicNotice />;
    return <ErrorState error={error} title={t('public.loadError')} action={{ label: t('app.retry'), onClick: refetch }} />;
  }
  const { policy, territory } = view;
  const choices = [...view.map].sort((a, b) => compareCodes(a.code, b.code));
  return (
    <Box>
      <RouterLink to={url.href('/public', { territory: null })}>{t('public.back')}</RouterLink>
      <Typography component="h1" variant="h2" sx={{ mt: 1, overflowWrap: 'anywhere' }}>{policy.name}</Typography>
      <Typography color="text.secondary" gutterBottom>{territory.name}</Typography>
      {territory.parentCode !== null && (
        <RouterLink to={url.href(`/public/policies/${encodeURIComponent(policy.id)}`, { territory: null })}>{t('public.backToRoot')}</RouterLink>
      )}
      {policy.description && <Typography sx={{ my: 1 }}>{policy.description}</Typography>}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', my: 2 }}>
        <RateGauge label={t('table.globalRate')} value={policy.globalRate} size={96} />
        {policy.weather && <WeatherBadge level={policy.weather} />}
      </Box>
      <Typography variant="body2" color="text.secondary">
        {policy.updatedOn ? t('public.updatedOn', { date: formatDate(policy.updatedOn, lng) }) : t('public.neverUpdated')}
      </Typography>
      <DownloadLinks kind="policy-rates" id={policy.id} label={policy.name} />
      <EmbedCode kind="policy-gauge" id={policy.id} territory={territory.code} title={policy.name} />
      {choices.length > 0 && (
        <Box component="section" aria-labelledby="public-policy-map" sx={{ mt: 3 }}>
          <Typography id="public-policy-map" component="h2" variant="h4" gutterBottom>{t('public.byTerritory')}</Typography>
          <TextField select size="small" fullWidth label={t('public.chooseTerritory')} value="" sx={{ mb: 2, maxWidth: 420 }}
            onChange={(event) => url.set({ territory: event.target.value })}>
            {choices.map((c) => <MenuItem key={c.code} value={c.code}>{displayCode(c.code)} – {c.name}</MenuItem>)}
          </TextField>
          <PublicMap values={view.map} title={t('public.mapTitle', { name: policy.name })} />
          <EmbedCode kind="policy-map" id={policy.id} territory={territory.code} title={policy.name} />
        </Box>
      )}
      <Box component="section" aria-labelledby="public-indicators" sx={{ mt: 3 }}>
        <Typography id="public-indicators" component="h2" variant="h4">{t('public.indicators')}</Typography>
        {view.indicators.map((indicator) => <PublicIndicatorSection key={indicator.id} indicator={indicator} territoryCode={territory.code} />)}
      </Box>
    </Box>
  );
}
