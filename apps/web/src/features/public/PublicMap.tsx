import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { formatRate, LoadingState } from '@pilote/ui';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { compareCodes, departmentSvgId, displayCode } from '../map/territoryCode';
import type { PublicTerritoryRate } from './publicApi';

const FranceMap = lazy(() => import('../map/FranceMap'));

/** Rates by territory: a map of départements when they are départements, always a table alternative. */
export function PublicMap({ values, title, tableOpen }: { values: PublicTerritoryRate[]; title: string; tableOpen?: boolean }) {
  const { t, i18n } = useTranslation('core');
  if (values.length === 0) return null;
  const drawable = values.every((v) => departmentSvgId(v.code) !== null);
  const sorted = [...values].sort((a, b) => compareCodes(a.code, b.code));
  return (
    <Box>
      {drawable && (
        <Suspense fallback={<LoadingState />}>
          <FranceMap values={values} title={title} />
        </Suspense>
      )}
      <Box component="details" open={tableOpen || !drawable} sx={{ mt: 1 }}>
        <Box component="summary" sx={{ cursor: 'pointer' }}>{t('map.showTable')}</Box>
        <Box sx={{ maxHeight: 360, overflow: 'auto' }}>
          <Table size="small">
            <caption style={{ captionSide: 'top', textAlign: 'left' }}>{title}</caption>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">{t('map.territory')}</TableCell>
                <TableCell component="th" scope="col" align="right">{t('table.globalRate')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {sorted.map((v) => (
                <TableRow key={v.code}>
                  <TableCell component="th" scope="row">{displayCode(v.code)} – {v.name}</TableCell>
                  <TableCell align="right">{v.value === null ? t('ui.noData') : formatRate(v.value, i18n.language)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      </Box>
    </Box>
  );
}
