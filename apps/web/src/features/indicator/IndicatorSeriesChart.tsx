import { Typography } from '@mui/material';
import { LoadingState } from '@pilote/ui';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { SERIES_QUERY } from '../../api/queries';
import type { Indicator, IndicatorSeries } from '../../api/types';
import { useQuery } from '../../api/useQuery';

const IndicatorChart = lazy(() => import('../charts/IndicatorChart'));

/** The indicator's values and targets over time at a territory (its own chunk: nivo is loaded with the first chart). */
export function IndicatorSeriesChart({ indicator, territoryCode, title }: { indicator: Indicator; territoryCode: string; title?: string }) {
  const { t } = useTranslation('core');
  const series = useQuery<{ indicatorSeries: IndicatorSeries }>(SERIES_QUERY, { indicatorId: indicator.id, territoryCode });
  return (
    <>
      {series.loading && !series.data && <LoadingState />}
      {series.data && (
        <Suspense fallback={<LoadingState />}>
          <IndicatorChart points={series.data.indicatorSeries.points} targets={series.data.indicatorSeries.targets} unit={indicator.unit} title={title ?? indicator.name} />
        </Suspense>
      )}
      {series.error && !series.data ? <Typography color="error">{t('chart.error')}</Typography> : null}
    </>
  );
}
