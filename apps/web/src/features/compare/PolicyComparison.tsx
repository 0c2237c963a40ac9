import { Box, Paper, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { AlertChip, DataTable, TrendIcon, WeatherBadge, type DataColumn } from '@pilote/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparedPolicy } from '../../api/types';
import { localize, useInstance } from '../../instance/InstanceContext';
import { RouterLink } from '../../layout/RouterLink';
import { useUrlState } from '../../state/useUrlState';
import { ExplainLink } from '../explain/ExplainLink';
import { RateCell } from '../explain/RateCell';
import { pinnedFirstColumn } from '../tables/pinnedFirstColumn';
import { TableScroll } from '../tables/TableScroll';

type Row = ComparedPolicy['policyAt'];

/** A policy in the territories compared: its rates, météo, trend and alerts, then each indicator's rate, territory by territory. */
export function PolicyComparison({ rows }: { rows: Row[] }) {
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const url = useUrlState();
  const lng = i18n.language;
  const policy = rows[0].policy;
  const weatherLabel = (id: string | undefined) => (id ? localize(instance.weatherLevels.find((w) => w.id === id)?.label, lng) || t(`weather.${id}`, { defaultValue: id }) : '');
  const columns = useMemo<DataColumn<Row>[]>(() => [
    { id: 'name', header: t('map.territory'), rowHeader: true, value: (r) => r.territory.name, render: (r) => <RouterLink to={url.href(`/policies/${encodeURIComponent(r.policy.id)}`, { territory: r.territory.code })}>{r.territory.name}</RouterLink> },
    { id: 'globalRate', header: t('table.globalRate'), align: 'right', value: (r) => r.globalRate.value, render: (r) => <RateCell rate={r.globalRate} label={`${t('table.globalRate')} – ${r.territory.name}`} /> },
    { id: 'annualRate', header: t('table.annualRate'), align: 'right', value: (r) => r.annualRate.value, render: (r) => <RateCell rate={r.annualRate} label={`${t('table.annualRate')} – ${r.territory.name}`} /> },
    { id: 'weather', header: t('table.weather'), value: (r) => weatherLabel(r.weather?.level), render: (r) => <WeatherBadge level={r.weather?.level} label={weatherLabel(r.weather?.level ?? 'NOT_FILLED')} date={r.weather?.date} /> },
    { id: 'trend', header: t('table.trend'), value: (r) => r.trend.delta, render: (r) => <ExplainLink explanationId={r.trend.explanationId} label={`${r.territory.name}, ${t('table.trend')}`}><TrendIcon direction={r.trend.direction} delta={r.trend.delta} /></ExplainLink> },
    { id: 'alerts', header: t('table.alerts'), sortable: false, value: (r) => r.alerts.map((a) => a.code).join(' '), render: (r) => <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>{r.alerts.map((a) => <AlertChip key={a.code} code={a.code} message={a.message} />)}</Box> },
  ], [t, lng, url.href, instance]);
  // Indicators of the policy, in the order of the first territory, then any only followed elsewhere.
  const indicators = [...new Map(rows.flatMap((r) => r.indicators.map((i) => [i.indicator.id, i.indicator] as const))).values()];
  const matrixCaption = t('compare.indicatorsCaption', { name: policy.name });
  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Paper variant="outlined" sx={{ p: 2, minWidth: 0, '& .MuiTableContainer-root': pinnedFirstColumn('background.paper'), '& td': { whiteSpace: 'nowrap' } }}>
        <DataTable caption={t('compare.ratesCaption', { name: policy.name })} columns={columns} rows={rows} getRowId={(r) => r.territory.code} dense searchable={false} />
      </Paper>
      {indicators.length > 0 && (
        <Paper variant="outlined" sx={{ p: 2, minWidth: 0 }}>
          <TableScroll label={matrixCaption}>
            <Table size="small">
              <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 700 }}>{matrixCaption}</caption>
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">{t('compare.indicator')}</TableCell>
                  {rows.map((r) => <TableCell key={r.territory.code} component="th" scope="col" align="right">{r.territory.name}</TableCell>)}
                </TableRow>
              </TableHead>
              <TableBody>
                {indicators.map((indicator) => (
                  <TableRow key={indicator.id}>
                    <TableCell component="th" scope="row">
                      <RouterLink to={url.href('/compare', { indicator: indicator.id, territories: rows.map((r) => r.territory.code) })}>{indicator.name}</RouterLink>
                    </TableCell>
                    {rows.map((r) => {
                      const rate = r.indicators.find((i) => i.indicator.id === indicator.id)?.globalRate;
                      return <TableCell key={r.territory.code} align="right">{rate ? <RateCell rate={rate} label={`${indicator.name} – ${r.territory.name}`} /> : '—'}</TableCell>;
                    })}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        </Paper>
      )}
    </Box>
  );
}
