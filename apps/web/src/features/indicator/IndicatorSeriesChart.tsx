import { Box, Typography } from '@mui/material';
import { LoadingState } from '@pilote/ui';
import { lazy, Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SeriesDocument } from '../../api/generated/graphql';
import type { Indicator } from '../../api/types';
import { useQuery } from '../../api/useQuery';
import { useAsOf } from '../as-of/useAsOf';
import { ExportFigureMenu } from '../export/ExportFigureMenu';

const IndicatorChart = lazy(() => import('../charts/IndicatorChart'));

/**
 * The indicator's values and targets over time at a territory (its own chunk: nivo is loaded with
 * the first chart), with its PNG/SVG export dated by the latest value. A page read at a past date
 * (URL `asOf`) draws the points dated on or before it (ADR 042).
 */
export function IndicatorSeriesChart({ indicator, territoryCode, territoryName }: { indicator: Indicator; territoryCode: string; territoryName?: string }) {
  const { t } = useTranslation('core');
  const { asOf: readAt } = useAsOf();
  const series = useQuery(SeriesDocument, { indicatorId: indicator.id, territoryCode, asOf: readAt });
  const figure = useRef<HTMLDivElement>(null);
  const points = series.data?.indicatorSeries.points ?? [];
  const asOf = points.reduce<string | null>((latest, p) => (latest === null || p.date > latest ? p.date : latest), null);
  const title = territoryName ? `${indicator.name} — ${territoryName}` : indicator.name;
  return (
    <>
      {series.loading && !series.data && <LoadingState />}
      {series.data && (
        <Box ref={figure}>
          <Suspense fallback={<LoadingState />}>
            <IndicatorChart points={points} targets={series.data.indicatorSeries.targets} unit={indicator.unit} title={indicator.name} />
          </Suspense>
          {points.length > 0 && <ExportFigureMenu target={figure} title={title} asOf={asOf} />}
        </Box>
      )}
      {series.error && !series.data ? <Typography color="error">{t('chart.error')}</Typography> : null}
    </>
  );
}
