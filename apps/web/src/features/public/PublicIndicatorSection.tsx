import { Box, Typography } from '@mui/material';
import { ErrorState, formatDate, formatNumber, formatRate, LoadingState } from '@pilote/ui';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { DownloadLinks } from './DownloadLinks';
import { EmbedCode } from './EmbedCode';
import { PUBLIC_INDICATOR_QUERY, type PublicIndicator } from './publicApi';
import { PublicMap } from './PublicMap';

const IndicatorChart = lazy(() => import('../charts/IndicatorChart'));

/** One public indicator: its figures, chart, map, "data updated on", downloads and embed codes. */
export function PublicIndicatorSection({ indicator, territoryCode }: { indicator: PublicIndicator; territoryCode: string }) {
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const { data, error, loading, refetch } = useQuery(PUBLIC_INDICATOR_QUERY, { indicatorId: indicator.id, territoryCode });
  const view = data?.publicIndicator;
  return (
    <Box component="section" aria-labelledby={`indicator-${indicator.id}`} sx={{ borderTop: 1, borderColor: 'divider', pt: 2, mt: 2 }}>
      <Typography id={`indicator-${indicator.id}`} component="h3" variant="h5" gutterBottom sx={{ overflowWrap: 'anywhere' }}>{indicator.name}</Typography>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, m: 0, '& dd': { m: 0 } }}>
        <dt>{t('public.currentValue')}</dt>
        <dd>{indicator.currentValue === null ? t('ui.noData') : `${formatNumber(indicator.currentValue, lng)} ${indicator.unit}`}{indicator.currentDate ? ` (${formatDate(indicator.currentDate, lng)})` : ''}</dd>
        <dt>{t('public.target')}</dt>
        <dd>{indicator.globalTarget === null ? t('ui.noData') : `${formatNumber(indicator.globalTarget, lng)} ${indicator.unit}`}{indicator.globalTargetDate ? ` (${formatDate(indicator.globalTargetDate, lng)})` : ''}</dd>
        <dt>{t('table.globalRate')}</dt>
        <dd>{indicator.globalRate === null ? t('ui.noData') : formatRate(indicator.globalRate, lng)}</dd>
        {indicator.source && <><dt>{t('public.source')}</dt><dd>{indicator.source}</dd></>}
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {indicator.updatedOn ? t('public.updatedOn', { date: formatDate(indicator.updatedOn, lng) }) : t('public.neverUpdated')}
      </Typography>
      {loading && !view && <LoadingState />}
      {error !== undefined && error !== null && !view && <ErrorState error={error} title={t('public.loadError')} action={{ label: t('app.retry'), onClick: refetch }} />}
      {view && (
        <>
          <Box sx={{ mt: 2 }}>
            <Suspense fallback={<LoadingState />}>
              <IndicatorChart points={view.points} targets={view.targets} unit={indicator.unit} title={indicator.name} />
            </Suspense>
            {view.points.some((p) => p.aggregated) && <Typography variant="body2" color="text.secondary">{t('public.aggregatedNote')}</Typography>}
            <DownloadLinks kind="values" id={indicator.id} label={indicator.name} />
            <EmbedCode kind="indicator-chart" id={indicator.id} territory={territoryCode} title={indicator.name} />
          </Box>
          {view.map.length > 0 && (
            <Box sx={{ mt: 2 }}>
              <PublicMap values={view.map} title={t('public.mapTitle', { name: indicator.name })} />
              <DownloadLinks kind="indicator-rates" id={indicator.id} label={indicator.name} />
              <EmbedCode kind="indicator-map" id={indicator.id} territory={territoryCode} title={indicator.name} />
            </Box>
          )}
        </>
      )}
    </Box>
  );
}
