import { Box, Chip, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatDate, formatNumber, LoadingState } from '@pilote/ui';
import { TableScroll } from '../tables/TableScroll';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { SERIES_QUERY } from '../../api/queries';
import type { DatedValue, IndicatorAtTerritory, IndicatorSeries } from '../../api/types';
import { useQuery } from '../../api/useQuery';
import { ExplainLink } from '../explain/ExplainLink';
import { RateCell } from '../explain/RateCell';

const IndicatorChart = lazy(() => import('../charts/IndicatorChart'));

/** A value of the indicator; the number opens how it was obtained (entered, or aggregated from the territories below). */
function ValueRow({ label, value, explanationId }: { label: string; value: DatedValue | null; explanationId: string }) {
  const { t, i18n } = useTranslation('core');
  return (
    <TableRow>
      <TableCell component="th" scope="row">{label}</TableCell>
      <TableCell align="right">{value ? <ExplainLink explanationId={explanationId} label={label}>{formatNumber(value.value, i18n.language)}</ExplainLink> : '—'}</TableCell>
      <TableCell>{value ? formatDate(value.date, i18n.language) : '—'}</TableCell>
      <TableCell>{value?.provenance ? t(`provenance.${value.provenance}`, { defaultValue: value.provenance }) : '—'}</TableCell>
    </TableRow>
  );
}

/** One indicator of a policy at a territory: values, rates, weight, chart and metadata. */
export function IndicatorBlock({ item, territoryCode }: { item: IndicatorAtTerritory; territoryCode: string }) {
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const ind = item.indicator;
  const series = useQuery<{ indicatorSeries: IndicatorSeries }>(SERIES_QUERY, { indicatorId: ind.id, territoryCode });
  const headingId = `indicator-${ind.id}`;
  // Explanation ids of the indicator's values here (libs/core computation/explanation-ids.ts).
  const valueId = (kind: 'initial' | 'current' | 'annual-target' | 'global-target') => `indicator:${ind.id}:${territoryCode}:${kind}`;
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2, breakInside: 'avoid' }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
        <Typography id={headingId} component="h3" variant="h3" sx={{ flexGrow: 1 }}>{ind.name}</Typography>
        <Chip size="small" label={t(`indicatorTypes.${ind.type}`, { defaultValue: ind.type })} />
        <Chip size="small" variant="outlined" label={t(`direction.${ind.direction}`, { defaultValue: ind.direction })} />
        {item.overdue && <Chip size="small" color="warning" label={t('policy.overdue')} />}
      </Box>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) minmax(0, 1fr)' } }}>
        <Box sx={{ minWidth: 0 }}>
          <TableScroll label={t('policy.valuesOf', { name: ind.name })}><Table size="small">
            <caption style={{ position: 'absolute', left: -10000 }}>{t('policy.valuesOf', { name: ind.name })}</caption>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">{t('policy.valueKind')}</TableCell>
                <TableCell component="th" scope="col" align="right">{t('chart.value')} ({ind.unit})</TableCell>
                <TableCell component="th" scope="col">{t('chart.date')}</TableCell>
                <TableCell component="th" scope="col">{t('ui.explainPanel.provenance')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              <ValueRow label={t('valueKinds.VI')} value={item.initial} explanationId={valueId('initial')} />
              <ValueRow label={t('valueKinds.VA')} value={item.current} explanationId={valueId('current')} />
              <ValueRow label={t('policy.annualTarget')} value={item.annualTarget} explanationId={valueId('annual-target')} />
              <ValueRow label={t('policy.globalTarget')} value={item.globalTarget} explanationId={valueId('global-target')} />
            </TableBody>
          </Table></TableScroll>
          <Box sx={{ display: 'flex', gap: 3, mt: 1.5, flexWrap: 'wrap', alignItems: 'baseline' }}>
            <span>{t('table.globalRate')} : <RateCell rate={item.globalRate} label={`${t('table.globalRate')} – ${ind.name}`} /></span>
            <span>{t('table.annualRate')} : <RateCell rate={item.annualRate} label={`${t('table.annualRate')} – ${ind.name}`} /></span>
            <span>{t('policy.weight')} : <strong>{formatNumber(item.weight, lng)}</strong></span>
          </Box>
        </Box>
        <Box sx={{ minWidth: 0 }}>
          {series.loading && <LoadingState />}
          {series.data && (
            <Suspense fallback={<LoadingState />}>
              <IndicatorChart points={series.data.indicatorSeries.points} targets={series.data.indicatorSeries.targets} unit={ind.unit} title={ind.name} />
            </Suspense>
          )}
          {series.error && !series.data ? <Typography color="error">{t('chart.error')}</Typography> : null}
        </Box>
      </Box>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 0.5, mt: 2, fontSize: '0.9rem', '& dt': { fontWeight: 700 }, '& dd': { m: 0 } }}>
        {ind.description && <><dt>{t('policy.definition')}</dt><dd>{ind.description}</dd></>}
        <dt>{t('policy.source')}</dt><dd>{ind.source ?? '—'}</dd>
        <dt>{t('policy.method')}</dt><dd>{ind.method ?? '—'}</dd>
        <dt>{t('policy.periodicity')}</dt><dd>{t(`periodicity.${ind.periodicity}`, { defaultValue: ind.periodicity })}</dd>
        <dt>{t('policy.nextUpdate')}</dt><dd>{formatDate(item.nextExpectedUpdate, lng)}</dd>
      </Box>
    </Paper>
  );
}
