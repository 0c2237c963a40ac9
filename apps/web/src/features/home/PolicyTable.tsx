import { Box, Button } from '@mui/material';
import { AlertChip, DataTable, downloadCsv, downloadXlsx, filterRows, formatDate, formatGap, formatSort, parseSort, sortRows, toCsv, toXlsx, TrendIcon, WeatherBadge, type DataColumn } from '@pilote/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyRow } from '../../api/types';
import { localize, useInstance } from '../../instance/InstanceContext';
import { RouterLink } from '../../layout/RouterLink';
import { useUrlState } from '../../state/useUrlState';
import { AsOfRowDelta } from '../as-of/AsOfRowDelta';
import { rateDelta } from '../as-of/asOfDates';
import { ExplainLink } from '../explain/ExplainLink';
import { RateCell } from '../explain/RateCell';
import { pinnedFirstColumn } from '../tables/pinnedFirstColumn';

export interface PolicyTableProps {
  rows: PolicyRow[];
  territoryCode: string;
  territoryName: string;
  caption: string;
  /** With "Comparer au …" (ADR 042): each policy's global rate at the end of the previous period, from the page's one comparison answer. */
  change?: { since: string; before: ReadonlyMap<string, number | null> };
}

// The table scrolls inside its own box (never the page) with its header on top and the policy's
// name pinned on the left; names get room enough not to wrap over five lines, figures never wrap.
const tableBox = {
  '& .MuiTableContainer-root': { maxHeight: '75vh', ...pinnedFirstColumn('background.default') },
  '& tbody th[scope=row]': { minWidth: { xs: '10rem', md: '16rem' } },
  '& td': { whiteSpace: 'nowrap' },
  '& td:last-of-type': { whiteSpace: 'normal', minWidth: '9rem' },
} as const;

/** The list of policies at a territory: sort and search are kept in the URL; CSV export of what is shown. */
export function PolicyTable({ rows, territoryCode, territoryName, caption, change }: PolicyTableProps) {
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const url = useUrlState();
  const lng = i18n.language;
  const weatherLabel = (id: string | undefined) => (id ? localize(instance.weatherLevels.find((w) => w.id === id)?.label, lng) || t(`weather.${id}`, { defaultValue: id }) : '');

  const changeHeader = change ? t('asOf.rowChange', { date: formatDate(change.since, lng) }) : '';
  const changeOf = (r: PolicyRow) => (change ? (rateDelta(r.globalRate.value, change.before.get(r.policy.id))?.delta ?? null) : null);

  const columns = useMemo<DataColumn<PolicyRow>[]>(() => [
    {
      id: 'name', header: t('table.policy'), rowHeader: true, value: (r) => r.policy.name,
      render: (r) => <RouterLink to={url.href(`/policies/${encodeURIComponent(r.policy.id)}`, { territory: territoryCode })}>{r.policy.name}</RouterLink>,
    },
    { id: 'globalRate', header: t('table.globalRate'), align: 'right', searchable: false, value: (r) => r.globalRate.value, render: (r) => <RateCell rate={r.globalRate} label={`${t('table.globalRate')} – ${r.policy.name}`} /> },
    ...(change ? [{ id: 'change', header: changeHeader, align: 'right' as const, searchable: false, value: changeOf, render: (r: PolicyRow) => <AsOfRowDelta now={r.globalRate.value} before={change.before.get(r.policy.id)} /> }] : []),
    { id: 'annualRate', header: t('table.annualRate'), align: 'right', searchable: false, value: (r) => r.annualRate.value, render: (r) => <RateCell rate={r.annualRate} label={`${t('table.annualRate')} – ${r.policy.name}`} /> },
    { id: 'weather', header: t('table.weather'), value: (r) => weatherLabel(r.weather?.level), render: (r) => <WeatherBadge level={r.weather?.level} label={weatherLabel(r.weather?.level ?? 'NOT_FILLED')} date={r.weather?.date} /> },
    { id: 'trend', header: t('table.trend'), searchable: false, value: (r) => r.trend.delta, render: (r) => <ExplainLink explanationId={r.trend.explanationId} label={`${r.policy.name}, ${t('table.trend')}`}><TrendIcon direction={r.trend.direction} delta={r.trend.delta} /></ExplainLink> },
    { id: 'gap', header: t('table.gapToMedian'), align: 'right', searchable: false, value: (r) => r.gapToMedian, render: (r) => <ExplainLink explanationId={r.gapExplanationId} label={`${r.policy.name}, ${t('table.gapToMedian')}`}>{formatGap(r.gapToMedian, lng, t('units.points'))}</ExplainLink> },
    {
      id: 'alerts', header: t('table.alerts'), value: (r) => r.alerts.map((a) => t(`alerts.${a.code}`, { defaultValue: a.message })).join(', '),
      render: (r) => <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>{r.alerts.map((a) => <AlertChip key={a.code} code={a.code} message={a.message} />)}</Box>,
    },
  ], [t, lng, territoryCode, url.href, instance, change]);

  const exportColumns = useMemo<Pick<DataColumn<PolicyRow>, 'header' | 'value'>[]>(() => [
    { header: t('table.code'), value: (r) => r.policy.code },
    { header: t('table.policy'), value: (r) => r.policy.name },
    { header: t('table.globalRate'), value: (r) => r.globalRate.value },
    { header: t('table.globalRateDate'), value: (r) => r.globalRate.date },
    ...(change ? [{ header: changeHeader, value: changeOf }] : []),
    { header: t('table.annualRate'), value: (r) => r.annualRate.value },
    { header: t('table.weather'), value: (r) => weatherLabel(r.weather?.level) },
    { header: t('table.weatherDate'), value: (r) => r.weather?.date },
    { header: t('table.trend'), value: (r) => t(`trend.${r.trend.direction}`, { defaultValue: r.trend.direction }) },
    { header: t('table.gapToMedian'), value: (r) => r.gapToMedian },
    { header: t('table.peersMin'), value: (r) => r.peers.min },
    { header: t('table.peersMedian'), value: (r) => r.peers.median },
    { header: t('table.peersMax'), value: (r) => r.peers.max },
    { header: t('table.alerts'), value: (r) => r.alerts.map((a) => a.code).join(' ') },
  ], [t, lng, instance, change]);

  const search = url.get('q') ?? '';
  const sort = parseSort(url.get('sort'));
  const alertFilter = url.get('alert');
  const shown = alertFilter ? rows.filter((r) => r.alerts.some((a) => a.code === alertFilter)) : rows;

  // Export exactly what the user sees: same filters, same search, same order.
  const visibleRows = () => sortRows(filterRows(shown, columns, search), columns, sort, lng);
  const fileName = (extension: string) => `${territoryName}-${new Date().toISOString().slice(0, 10)}.${extension}`.replace(/[^\p{L}\p{N}.-]+/gu, '_');
  const exportCsv = () => downloadCsv(fileName('csv'), toCsv(visibleRows(), exportColumns));
  const exportXlsx = () => downloadXlsx(fileName('xlsx'), toXlsx(visibleRows(), exportColumns, territoryName));

  return (
    <Box sx={tableBox}>
      <DataTable
        caption={caption}
        columns={columns}
        rows={shown}
        getRowId={(r) => r.policy.id}
        sort={sort}
        onSortChange={(next) => url.set({ sort: formatSort(next) }, { replace: true })}
        search={search}
        onSearchChange={(q) => url.set({ q }, { replace: true })}
        toolbar={(
          <Box className="no-print" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <Button variant="outlined" onClick={exportCsv}>{t('table.exportCsv')}</Button>
            <Button variant="outlined" onClick={exportXlsx}>{t('table.exportXlsx')}</Button>
          </Box>
        )}
      />
    </Box>
  );
}
