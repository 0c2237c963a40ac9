import { Box, Paper, Typography } from '@mui/material';
import { DataTable, formatDate, formatNumber, LoadingState, type DataColumn } from '@pilote/ui';
import { lazy, Suspense, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparedIndicator } from '../../api/types';
import { RouterLink } from '../../layout/RouterLink';
import { useUrlState } from '../../state/useUrlState';
import { RateCell } from '../explain/RateCell';
import { ExportFigureMenu } from '../export/ExportFigureMenu';
import { pinnedFirstColumn } from '../tables/pinnedFirstColumn';

const ComparisonChart = lazy(() => import('../charts/ComparisonChart'));

type Row = ComparedIndicator['indicatorAt'];

/** An indicator in the territories compared: their values over time, then their values, targets and rates side by side. */
export function IndicatorComparison({ rows, series }: { rows: Row[]; series: { code: string; name: string; points: { date: string; value: number }[] }[] }) {
  const { t, i18n } = useTranslation('core');
  const url = useUrlState();
  const lng = i18n.language;
  const indicator = rows[0].indicator;
  const figure = useRef<HTMLDivElement>(null);
  const asOf = series.flatMap((s) => s.points.map((p) => p.date)).reduce<string | null>((latest, d) => (latest === null || d > latest ? d : latest), null);
  const columns = useMemo<DataColumn<Row>[]>(() => [
    { id: 'name', header: t('map.territory'), rowHeader: true, value: (r) => r.territory.name, render: (r) => <RouterLink to={url.href(`/indicators/${encodeURIComponent(r.indicator.id)}`, { territory: r.territory.code })}>{r.territory.name}</RouterLink> },
    { id: 'current', header: t('indicatorPage.currentWithUnit', { unit: indicator.unit }), align: 'right', value: (r) => r.current?.value, render: (r) => (r.current ? formatNumber(r.current.value, lng) : '—') },
    { id: 'date', header: t('chart.date'), value: (r) => r.current?.date, render: (r) => (r.current ? formatDate(r.current.date, lng) : '—') },
    { id: 'target', header: t('policy.globalTarget'), align: 'right', value: (r) => r.globalTarget?.value, render: (r) => (r.globalTarget ? formatNumber(r.globalTarget.value, lng) : '—') },
    { id: 'globalRate', header: t('table.globalRate'), align: 'right', value: (r) => r.globalRate.value, render: (r) => <RateCell rate={r.globalRate} label={`${t('table.globalRate')} – ${r.territory.name}`} /> },
    { id: 'annualRate', header: t('table.annualRate'), align: 'right', value: (r) => r.annualRate.value, render: (r) => <RateCell rate={r.annualRate} label={`${t('table.annualRate')} – ${r.territory.name}`} /> },
  ], [t, lng, url.href, indicator.unit]);
  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Paper variant="outlined" component="section" aria-labelledby="compare-series-title" sx={{ p: 2, minWidth: 0 }}>
        <Typography id="compare-series-title" component="h2" variant="h2" gutterBottom>{t('compare.seriesTitle', { name: indicator.name })}</Typography>
        <Box ref={figure}>
          <Suspense fallback={<LoadingState />}>
            <ComparisonChart series={series} unit={indicator.unit} title={t('compare.seriesTitle', { name: indicator.name })} />
          </Suspense>
          {asOf && <ExportFigureMenu target={figure} title={`${t('compare.seriesTitle', { name: indicator.name })} — ${series.map((s) => s.name).join(', ')}`} asOf={asOf} />}
        </Box>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2, minWidth: 0, '& .MuiTableContainer-root': pinnedFirstColumn('background.paper'), '& td': { whiteSpace: 'nowrap' } }}>
        <DataTable caption={t('compare.valuesCaption', { name: indicator.name })} columns={columns} rows={rows} getRowId={(r) => r.territory.code} dense searchable={false} />
      </Paper>
    </Box>
  );
}
