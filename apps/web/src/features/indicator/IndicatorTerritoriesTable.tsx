import { Box } from '@mui/material';
import { DataTable, formatDate, formatNumber, formatSort, parseSort, type DataColumn } from '@pilote/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorTerritoryRow } from '../../api/types';
import { RouterLink } from '../../layout/RouterLink';
import { useUrlState } from '../../state/useUrlState';
import { RateCell } from '../explain/RateCell';
import { displayCode } from '../map/territoryCode';
import { pinnedFirstColumn } from '../tables/pinnedFirstColumn';

// The table scrolls in its own box with its header on top and the territory's name pinned on the left.
const tableBox = {
  '& .MuiTableContainer-root': { maxHeight: '70vh', ...pinnedFirstColumn('background.paper') },
  '& tbody th[scope=row]': { minWidth: { xs: '9rem', md: '14rem' } },
  '& td': { whiteSpace: 'nowrap' },
} as const;

export interface IndicatorTerritoriesTableProps {
  indicatorId: string;
  unit: string;
  rows: IndicatorTerritoryRow[];
  caption: string;
}

/**
 * The table alternative to the indicator's map: each territory below with its current value, date
 * and rates; sorted and searched through the URL (`tsort`, `tq`), each name opening the indicator there.
 */
export function IndicatorTerritoriesTable({ indicatorId, unit, rows, caption }: IndicatorTerritoriesTableProps) {
  const { t, i18n } = useTranslation('core');
  const url = useUrlState();
  const lng = i18n.language;
  const columns = useMemo<DataColumn<IndicatorTerritoryRow>[]>(() => [
    {
      id: 'name', header: t('map.territory'), rowHeader: true, value: (r) => `${r.name} ${displayCode(r.code)}`,
      render: (r) => <RouterLink to={url.href(`/indicators/${encodeURIComponent(indicatorId)}`, { territory: r.code })}>{r.name}</RouterLink>,
    },
    { id: 'current', header: t('indicatorPage.currentWithUnit', { unit }), align: 'right', searchable: false, value: (r) => r.current?.value, render: (r) => (r.current ? formatNumber(r.current.value, lng) : '—') },
    { id: 'date', header: t('chart.date'), searchable: false, value: (r) => r.current?.date, render: (r) => (r.current ? formatDate(r.current.date, lng) : '—') },
    { id: 'globalRate', header: t('table.globalRate'), align: 'right', searchable: false, value: (r) => r.globalRate.value, render: (r) => <RateCell rate={r.globalRate} label={`${t('table.globalRate')} – ${r.name}`} /> },
    { id: 'annualRate', header: t('table.annualRate'), align: 'right', searchable: false, value: (r) => r.annualRate.value, render: (r) => <RateCell rate={r.annualRate} label={`${t('table.annualRate')} – ${r.name}`} /> },
  ], [t, lng, unit, url.href, indicatorId]);
  return (
    <Box sx={tableBox}>
      <DataTable caption={caption} columns={columns} rows={rows} getRowId={(r) => r.code} dense
        sort={parseSort(url.get('tsort'))} onSortChange={(next) => url.set({ tsort: formatSort(next) }, { replace: true })}
        search={url.get('tq') ?? ''} onSearchChange={(q) => url.set({ tq: q }, { replace: true })} />
    </Box>
  );
}
